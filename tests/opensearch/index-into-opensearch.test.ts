import { execFile } from 'node:child_process';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBuiltIndex } from '../../indexer/index/read-built-index.ts';
import { readAliasTargets } from '../../indexer/opensearch/index-aliases.ts';
import { createOpenSearchClient, OpenSearchError, type OpenSearchClient } from '../../indexer/opensearch/opensearch-client.ts';
import { readOpenSearchSettings } from '../../indexer/opensearch/opensearch-settings.ts';
import { publishToOpenSearch } from '../../indexer/opensearch/publish-to-opensearch.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';

const REPO = resolve(import.meta.dirname, '../..');

describeOpenSearch('npm run index with the OpenSearch engine', () => {
  let cluster: LocalOpenSearch;
  let client: OpenSearchClient;
  let folder: TempFolder;
  beforeAll(async () => {
    [cluster, folder] = await Promise.all([startOpenSearchCluster(), makeTempFolder()]);
    client = createOpenSearchClient(readOpenSearchSettings({ PASSIM_OPENSEARCH_URL: cluster.urls[0] }));
  }, 300_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
    await folder?.remove();
  });

  async function ids(index: string): Promise<string[]> {
    const { body } = await client.request<{ hits: { hits: { _id: string }[] } }>({ method: 'POST', path: `/${index}/_search`, body: { size: 1000, _source: false, query: { match_all: {} } } });
    return body.hits.hits.map((hit) => hit._id).sort();
  }

  function runIndexer(args: string[], env: Record<string, string>) {
    return promisify(execFile)(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', ...args], { cwd: REPO, env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  }

  it('builds the index folder as always, then writes it into new OpenSearch indices behind the aliases', async () => {
    const corpusDir = await copyCorpus(FIXTURE_CORPUS, { path: join(folder.path, 'cli'), remove: async () => {} });
    const indexDir = join(folder.path, 'cli', 'index');
    const run = await runIndexer(['--corpus', corpusDir, '--index', indexDir, '--engine', 'opensearch'], { PASSIM_OPENSEARCH_URL: cluster.urls[0]!, PASSIM_OPENSEARCH_INDEX_PREFIX: 'cli' });
    expect(run.stderr).not.toMatch(/passim index:/);
    expect(run.code).toBe(0);
    const built = await readBuiltIndex(indexDir);
    expect(run.stdout).toMatch(/^Indexed 3 documents/);
    expect(run.stdout).toMatch(new RegExp(`OpenSearch ${cluster.urls[0]}: new indices cli-passages-\\d{8}t\\d{9}z \\(${built.manifest.passageCount} passages\\).*aliases moved \\(full build: no cli-passages`));
    expect(run.stderr).toContain('sending to OpenSearch:');
    expect(await ids('cli-passages')).toEqual(built.documents.flatMap((document) => document.passages.map((passage) => passage.id)).sort());
  });

  it('refuses OpenSearch settings that are wrong with one line and the usage, exit code 2, before reading anything', async () => {
    const run = await runIndexer(['--corpus', FIXTURE_CORPUS, '--index', join(folder.path, 'never'), '--engine', 'opensearch'], { PASSIM_OPENSEARCH_URL: 'localhost:9200' });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('passim index: PASSIM_OPENSEARCH_URL must be http:// or https://, got "localhost:9200"');
    expect(run.stderr).toContain('usage: npm run index');
  });

  it('fails with exit code 2 and one line when OpenSearch cannot be reached, after building the index folder', async () => {
    const indexDir = join(folder.path, 'unreachable-index');
    const run = await runIndexer(['--corpus', FIXTURE_CORPUS, '--index', indexDir, '--engine', 'opensearch', '--opensearch-url', 'http://127.0.0.1:1'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^passim index: OpenSearch: OpenSearch cannot be reached \(http:\/\/127\.0\.0\.1:1: .*\)\. Searches stay on the indices OpenSearch had; the next run sends what is missing\.$/m);
    expect((await readBuiltIndex(indexDir)).documents).toHaveLength(3);
  });

  it('finishes an update that was cut short between the passages and the documents on the next run', async () => {
    const temp = { path: join(folder.path, 'short'), remove: async () => {} };
    const corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
    const { indexDir } = await buildTempIndex(corpusDir, temp);
    await publishToOpenSearch(indexDir, { client, indexPrefix: 'short', full: false });
    await appendFile(join(corpusDir, 'transcripts/briefing.txt'), '\n\nMODERATOR: And the zeppelin?\n');
    await buildTempIndex(corpusDir, temp);
    const cutShort: OpenSearchClient = {
      close: () => {},
      request: (request) =>
        typeof request.body === 'string' && request.body.includes('"_index":"short-documents-')
          ? Promise.reject(new OpenSearchError('OpenSearch cannot be reached (test)', undefined))
          : client.request(request),
    };
    await expect(publishToOpenSearch(indexDir, { client: cutShort, indexPrefix: 'short', full: false })).rejects.toThrow('cannot be reached');
    const again = await publishToOpenSearch(indexDir, { client, indexPrefix: 'short', full: false });
    expect(again).toMatchObject({ kind: 'update', documentsSent: 1 });
    const built = await readBuiltIndex(indexDir);
    expect(await ids('short-passages')).toEqual(built.documents.flatMap((document) => document.passages.map((passage) => passage.id)).sort());
    const { body } = await client.request<{ count: number }>({ method: 'POST', path: '/short-passages/_count', body: { query: { term: { text: 'zeppelin' } } } });
    expect(body.count).toBe(1);
  });

  it('sends only the documents that changed, deletes the removed ones, and moves the vocabulary to a new terms index', async () => {
    const temp = { path: join(folder.path, 'inc'), remove: async () => {} };
    const corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
    const { indexDir } = await buildTempIndex(corpusDir, temp);
    const options = { client, indexPrefix: 'inc', full: false };
    const first = await publishToOpenSearch(indexDir, options);
    expect(first.kind).toBe('full');
    const before = await readAliasTargets(client, 'inc');
    const builtBefore = await readBuiltIndex(indexDir);

    await appendFile(join(corpusDir, 'press/cooperation.txt'), '\n\nA new closing paragraph about the zeppelin treaty negotiations.\n');
    await rm(join(corpusDir, 'press/coalition-meeting.txt'));
    await writeFile(join(corpusDir, 'press/new-release.txt'), 'A wholly new release\n\nThe minister spoke of the zeppelin once more.\n');
    await buildTempIndex(corpusDir, temp);
    const second = await publishToOpenSearch(indexDir, options);
    const built = await readBuiltIndex(indexDir);
    // The changed file, the new one, and any other whose passages moved in the build's order.
    const placed = (documents: typeof built.documents) => {
      let seq = 0;
      return new Map(documents.map((document) => [document.id, `${JSON.stringify(document)}@${(seq += document.passages.length) - document.passages.length}`]));
    };
    const was = placed(builtBefore.documents);
    const changed = [...placed(built.documents)].filter(([id, now]) => was.get(id) !== now);
    expect(changed.length).toBeGreaterThanOrEqual(2);
    expect(second).toMatchObject({ kind: 'update', unchanged: false, documentsRemoved: 1, documentsSent: changed.length });
    const after = await readAliasTargets(client, 'inc');
    expect(after.passages).toBe(before.passages);
    expect(after.documents).toBe(before.documents);
    expect(after.terms).not.toBe(before.terms);
    expect((await client.request({ method: 'HEAD', path: `/${before.terms}`, accept: [404] })).status).toBe(404);
    expect(await ids('inc-passages')).toEqual(built.documents.flatMap((document) => document.passages.map((passage) => passage.id)).sort());
    expect(await ids('inc-documents')).toEqual(built.documents.map((document) => document.id).sort());
    expect(await ids('inc-terms')).toEqual([...built.terms.terms].sort());
    const { body } = await client.request<{ count: number }>({ method: 'POST', path: '/inc-passages/_count', body: { query: { term: { text: 'zeppelin' } } } });
    expect(body.count).toBe(2);

    const third = await publishToOpenSearch(indexDir, options);
    expect(third).toMatchObject({ kind: 'update', unchanged: true });

    await appendFile(join(corpusDir, 'transcripts/briefing.txt'), '\n\nMODERATOR: One last question about the zeppelin.\n');
    await buildTempIndex(corpusDir, temp);
    const fourth = await publishToOpenSearch(indexDir, options);
    expect(fourth).toMatchObject({ kind: 'update', documentsSent: 1, documentsRemoved: 0 });
  });
});
