import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBuiltIndex, type BuiltIndex } from '../../indexer/index/read-built-index.ts';
import { countTermPostings } from '../../indexer/index/term-index.ts';
import { readAliasTargets } from '../../indexer/opensearch/index-aliases.ts';
import { createOpenSearchClient, OpenSearchError, type OpenSearchClient } from '../../indexer/opensearch/opensearch-client.ts';
import { readOpenSearchSettings } from '../../indexer/opensearch/opensearch-settings.ts';
import { writeOpenSearchBuild } from '../../indexer/opensearch/write-opensearch-build.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';

describeOpenSearch('writing a built index into OpenSearch', () => {
  let cluster: LocalOpenSearch;
  let client: OpenSearchClient;
  let folder: TempFolder;
  let built: BuiltIndex;
  beforeAll(async () => {
    folder = await makeTempFolder();
    const [started, { indexDir }] = await Promise.all([startOpenSearchCluster(), buildTempIndex(FIXTURE_CORPUS, folder)]);
    cluster = started;
    built = await readBuiltIndex(indexDir);
    client = createOpenSearchClient(readOpenSearchSettings({ PASSIM_OPENSEARCH_URL: cluster.urls.join(',') }));
  }, 300_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
    await folder?.remove();
  });

  async function count(index: string): Promise<number> {
    return (await client.request<{ count: number }>({ method: 'GET', path: `/${index}/_count` })).body.count;
  }

  it('puts one document per passage under the passage id, the documents and the vocabulary, behind three aliases', async () => {
    const report = await writeOpenSearchBuild(built, { client, indexPrefix: 'full', version: '20261206t070000000z' });
    expect(report.indices).toEqual({ passages: 'full-passages-20261206t070000000z', documents: 'full-documents-20261206t070000000z', terms: 'full-terms-20261206t070000000z' });
    expect(await readAliasTargets(client, 'full')).toEqual(report.indices);
    expect(await count('full-passages')).toBe(built.manifest.passageCount);
    expect(await count('full-documents')).toBe(built.documents.length);
    expect(await count('full-terms')).toBe(built.terms.terms.length);

    const document = built.documents[1]!;
    const passage = document.passages.at(-1)!;
    const { body } = await client.request<{ _source: Record<string, unknown> }>({ method: 'GET', path: `/full-passages/_doc/${passage.id}` });
    expect(body._source).toMatchObject({
      id: passage.id,
      docId: document.id,
      seq: built.documents[0]!.passages.length + document.passages.length - 1,
      ordinal: passage.ordinal,
      text: document.text.slice(passage.start, passage.end),
      title: document.title,
      source: document.source,
      sourceWords: `${document.source} ${document.sourceName}`,
    });
    const stored = await client.request<{ _source: Record<string, unknown> }>({ method: 'GET', path: `/full-documents/_doc/${document.id}` });
    expect(stored.body._source).toMatchObject({ ...document });

    const termId = built.terms.terms.indexOf('minister');
    const term = await client.request<{ _source: Record<string, unknown> }>({ method: 'GET', path: '/full-terms/_doc/minister' });
    expect(term.body._source).toEqual({ term: 'minister', form: built.terms.forms[termId], passages: countTermPostings(built.terms, termId), langs: ['en'] });

    const mapping = await client.request<Record<string, { mappings: { _meta: { passim: Record<string, unknown> } } }>>({ method: 'GET', path: '/full-passages/_mapping' });
    expect(Object.values(mapping.body)[0]!.mappings._meta.passim).toMatchObject({ documentCount: built.documents.length, passageCount: built.manifest.passageCount, analyzerVersion: built.manifest.analyzerVersion });
  });

  it('finds a passage by its words through the passim analyzer, with offsets for highlights', async () => {
    const { body } = await client.request<{ hits: { total: { value: number }; hits: { _id: string }[] } }>({
      method: 'POST',
      path: '/full-passages/_search',
      body: { query: { match: { text: 'WILMÈS' } }, highlight: { fields: { text: {} } } },
    });
    const holding = built.documents.flatMap((document) => document.passages.filter((passage) => /wilm[eè]s/i.test(document.text.slice(passage.start, passage.end))));
    expect(holding.length).toBeGreaterThan(0);
    expect(body.hits.total.value).toBe(holding.length);
  });

  it('moves the aliases to the next full build in one step and removes the old indices', async () => {
    await writeOpenSearchBuild(built, { client, indexPrefix: 'swap', version: '20261206t070000000z' });
    const report = await writeOpenSearchBuild(built, { client, indexPrefix: 'swap', version: '20261206t080000000z' });
    expect(await readAliasTargets(client, 'swap')).toEqual(report.indices);
    expect(report.removed.sort()).toEqual(['swap-documents-20261206t070000000z', 'swap-passages-20261206t070000000z', 'swap-terms-20261206t070000000z']);
    expect((await client.request({ method: 'HEAD', path: '/swap-passages-20261206t070000000z', accept: [404] })).status).toBe(404);
  });

  it('leaves searches on the old indices when a build fails half-way, and removes what it wrote', async () => {
    const first = await writeOpenSearchBuild(built, { client, indexPrefix: 'fail', version: '20261206t070000000z' });
    let bulks = 0;
    const failing: OpenSearchClient = {
      close: () => {},
      request: (request) => {
        if (request.path.startsWith('/_bulk') && ++bulks === 2) return Promise.reject(new OpenSearchError('OpenSearch cannot be reached (test)', undefined));
        return client.request(request);
      },
    };
    await expect(writeOpenSearchBuild(built, { client: failing, indexPrefix: 'fail', version: '20261206t080000000z', bulk: { maxActions: 10, concurrency: 1 } })).rejects.toThrow('cannot be reached');
    expect(await readAliasTargets(client, 'fail')).toEqual(first.indices);
    expect(await count('fail-passages')).toBe(built.manifest.passageCount);
    expect((await client.request({ method: 'HEAD', path: '/fail-passages-20261206t080000000z', accept: [404] })).status).toBe(404);
  });

  it('sends again, after waits that double, what OpenSearch refuses as too busy, and loses nothing', async () => {
    let bulks = 0;
    const busy: OpenSearchClient = {
      close: () => {},
      request: (request) => {
        if (request.path.startsWith('/_bulk') && ++bulks <= 3) return Promise.reject(new OpenSearchError('OpenSearch answered 429 to POST /_bulk', 429));
        return client.request(request);
      },
    };
    const waits: number[] = [];
    const report = await writeOpenSearchBuild(built, { client: busy, indexPrefix: 'busy', bulk: { concurrency: 1, sleep: async (ms) => waits.push(ms) } });
    expect(waits).toEqual([200, 400, 800]);
    expect(report.bulk.retries).toBe(3);
    expect(await count('busy-passages')).toBe(built.manifest.passageCount);
    expect(await count('busy-terms')).toBe(built.terms.terms.length);
  });
});
