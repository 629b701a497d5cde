import { deleteIndices, readAliasTargets, swapAliases } from './index-aliases.ts';
import { analysisHash, indexBody, MAPPING_VERSION, passimMeta, type PassimIndexMeta } from './index-mappings.ts';
import { aliasName, newIndexVersion, versionedIndexName } from './index-names.ts';
import type { OpenSearchClient } from './opensearch-client.ts';
import { contentKeyOf, termSources, toDocumentSource, toPassageSource } from './opensearch-documents.ts';
import { sendBulk, type BulkAction, type BulkReport } from './send-bulk.ts';
import { metaOf, waitForShards, type PassimBuild, type WriteOpenSearchOptions } from './write-opensearch-build.ts';

export interface OpenSearchUpdateReport {
  /** The terms index the vocabulary went into (the passages and documents indices are updated in place). */
  termsIndex?: string;
  /** Documents sent again (new or changed) and removed. */
  documentsSent: number;
  passagesSent: number;
  documentsRemoved: number;
  passagesRemoved: number;
  /** Nothing differed: nothing was sent. */
  unchanged: boolean;
  bulk: BulkReport[];
}

/** Why an incremental update cannot be made on what the aliases point at (then a full build is), or undefined when it can. */
export async function reasonForFullBuild(client: OpenSearchClient, prefix: string, build: PassimBuild): Promise<string | undefined> {
  const targets = await readAliasTargets(client, prefix);
  if (!targets.passages || !targets.documents || !targets.terms) return `no ${aliasName(prefix, 'passages')}, ${aliasName(prefix, 'documents')} and ${aliasName(prefix, 'terms')} aliases yet`;
  const { body } = await client.request<Record<string, { mappings: { _meta?: { passim?: Partial<PassimIndexMeta> } } }>>({ method: 'GET', path: `/${targets.passages}/_mapping` });
  const meta = Object.values(body)[0]?.mappings._meta?.passim ?? {};
  if (meta.mappingVersion !== MAPPING_VERSION) return `the indices were written with mapping version ${meta.mappingVersion ?? 'unknown'}, this Passim writes ${MAPPING_VERSION}`;
  if (meta.analyzerVersion !== build.manifest.analyzerVersion) return `the indices were analyzed with analyzer ${meta.analyzerVersion ?? 'unknown'}, this build with ${build.manifest.analyzerVersion}`;
  if (meta.analysisHash !== analysisHash()) return 'the analysis settings (analyzers or data/synonyms.txt) changed since the indices were written';
  return undefined;
}

interface StoredKey {
  contentKey?: string;
  passages?: { id: string }[];
}

/**
 * Brings the indices the aliases point at up to a new build without rewriting them: sends only the
 * documents whose content (or place in the build's order) changed, with their passages; deletes the
 * documents and passages that are gone; then writes the vocabulary into a new terms index and moves
 * the terms alias onto it. Passages go before the document that records their content key, so an
 * update cut short is finished by the next one.
 */
export async function updateOpenSearchBuild(build: PassimBuild, options: WriteOpenSearchOptions): Promise<OpenSearchUpdateReport> {
  const { client, indexPrefix: prefix } = options;
  const targets = await readAliasTargets(client, prefix);
  const stored = await readStoredKeys(client, aliasName(prefix, 'documents'));
  const report: OpenSearchUpdateReport = { documentsSent: 0, passagesSent: 0, documentsRemoved: 0, passagesRemoved: 0, unchanged: false, bulk: [] };

  const passageActions: BulkAction[] = [];
  const documentActions: BulkAction[] = [];
  let seq = 0;
  for (const document of build.documents) {
    const firstSeq = seq;
    seq += document.passages.length;
    const before = stored.get(document.id);
    stored.delete(document.id);
    if (before?.contentKey === contentKeyOf(document, firstSeq)) continue;
    document.passages.forEach((passage, at) => passageActions.push({ index: targets.passages!, id: passage.id, source: toPassageSource(document, passage, firstSeq + at) }));
    const kept = new Set(document.passages.map((passage) => passage.id));
    for (const { id } of before?.passages ?? []) {
      if (kept.has(id)) continue;
      passageActions.push({ index: targets.passages!, id, delete: true });
      report.passagesRemoved += 1;
    }
    documentActions.push({ index: targets.documents!, id: document.id, source: toDocumentSource(document, firstSeq) });
    report.documentsSent += 1;
    report.passagesSent += document.passages.length;
  }
  for (const [id, gone] of stored) {
    for (const passage of gone.passages ?? []) {
      passageActions.push({ index: targets.passages!, id: passage.id, delete: true });
      report.passagesRemoved += 1;
    }
    documentActions.push({ index: targets.documents!, id, delete: true });
    report.documentsRemoved += 1;
  }
  if (passageActions.length === 0 && documentActions.length === 0) return { ...report, unchanged: true };

  const total = passageActions.length + documentActions.length + build.terms.terms.length;
  let before = 0;
  const progress = (done: number) => options.onProgress?.(before + done, total);
  report.bulk.push(await sendBulk(client, passageActions, { ...options.bulk, onProgress: progress }));
  before += passageActions.length;
  report.bulk.push(await sendBulk(client, documentActions, { ...options.bulk, onProgress: progress }));
  before += documentActions.length;

  const termsIndex = versionedIndexName(prefix, 'terms', options.version ?? newIndexVersion());
  await client.request({ method: 'PUT', path: `/${termsIndex}`, body: indexBody('terms', { shards: 1, ...(options.replicas === undefined ? {} : { replicas: options.replicas }) }) });
  try {
    const terms = (function* () {
      for (const term of termSources(build.terms, build.documents)) yield { index: termsIndex, id: term.term, source: term } as BulkAction;
    })();
    report.bulk.push(await sendBulk(client, terms, { ...options.bulk, onProgress: progress }));
    const indices = `${targets.passages},${targets.documents},${termsIndex}`;
    await client.request({ method: 'POST', path: `/${indices}/_refresh` });
    await waitForShards(client, indices);
    await client.request({ method: 'PUT', path: `/${targets.passages}/_mapping`, body: { _meta: { passim: passimMeta(metaOf(build.manifest)) } } });
    await swapAliases(client, prefix, { terms: termsIndex }, targets);
  } catch (error) {
    await deleteIndices(client, [termsIndex]).catch(() => {});
    throw error;
  }
  await deleteIndices(client, [targets.terms!]);
  return { ...report, termsIndex };
}

/** Each stored document's content key and passage ids, read with a scroll. */
async function readStoredKeys(client: OpenSearchClient, index: string): Promise<Map<string, StoredKey>> {
  type Page = { _scroll_id?: string; hits: { hits: { _id: string; _source?: StoredKey }[] } };
  const keys = new Map<string, StoredKey>();
  let page = (await client.request<Page>({ method: 'POST', path: `/${index}/_search?scroll=2m`, body: { size: 1000, sort: ['_doc'], _source: ['contentKey', 'passages.id'] } })).body;
  try {
    while (page.hits.hits.length > 0) {
      for (const hit of page.hits.hits) keys.set(hit._id, hit._source ?? {});
      page = (await client.request<Page>({ method: 'POST', path: '/_search/scroll', body: { scroll: '2m', scroll_id: page._scroll_id } })).body;
    }
  } finally {
    if (page._scroll_id) await client.request({ method: 'DELETE', path: '/_search/scroll', body: { scroll_id: page._scroll_id }, accept: [404] }).catch(() => {});
  }
  return keys;
}
