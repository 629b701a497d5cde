import { INDEX_FORMAT_VERSION, type IndexManifest, type StoredDocument } from '../index/index-format.ts';
import type { TermIndex } from '../index/term-index.ts';
import { deleteIndices, listUnaliasedIndices, readAliasTargets, swapAliases } from './index-aliases.ts';
import { indexBody, type IndexShape, type PassimIndexMeta } from './index-mappings.ts';
import { INDEX_KINDS, newIndexVersion, versionedIndexName, type IndexKind } from './index-names.ts';
import type { OpenSearchClient } from './opensearch-client.ts';
import { toDocumentSource, toPassageSource, termSources } from './opensearch-documents.ts';
import { sendBulk, type BulkAction, type BulkOptions, type BulkReport } from './send-bulk.ts';

/** A built Passim index, as the server serves it (readBuiltIndex reads one from disk): what is written to OpenSearch. */
export interface PassimBuild {
  manifest: IndexManifest;
  documents: readonly StoredDocument[];
  terms: TermIndex;
}

export interface WriteOpenSearchOptions extends Partial<IndexShape> {
  client: OpenSearchClient;
  indexPrefix: string;
  /** The new indices' version (default: the time now, see newIndexVersion). */
  version?: string;
  bulk?: Partial<BulkOptions>;
  /** Called as documents are sent: `done` of `total` (passages, documents and terms together). */
  onProgress?: (done: number, total: number) => void;
  /** Versioned indices that no alias points at are removed when older than this (default 1 hour: an interrupted build's). */
  leftoverAgeMs?: number;
}

export interface OpenSearchWriteReport {
  version: string;
  indices: Record<IndexKind, string>;
  passages: number;
  documents: number;
  terms: number;
  bulk: BulkReport;
  /** Indices removed: the ones the aliases pointed at before, and those interrupted builds left. */
  removed: string[];
}

/** What the passages index's `_meta` says of a build. */
export function metaOf(manifest: IndexManifest): Omit<PassimIndexMeta, 'mappingVersion' | 'analysisHash'> {
  return {
    builtAt: manifest.builtAt,
    documentCount: manifest.documentCount,
    passageCount: manifest.passageCount,
    analyzerVersion: manifest.analyzerVersion,
    ...(manifest.indexerVersion === undefined ? {} : { indexerVersion: manifest.indexerVersion }),
    formatVersion: INDEX_FORMAT_VERSION,
  };
}

/**
 * Writes a whole build into new versioned indices (passages, documents, terms), makes them
 * searchable, then moves the three aliases onto them in one call and removes the old ones. Until
 * the swap, searches stay on the old indices; a failed build removes what it wrote and leaves them.
 */
export async function writeOpenSearchBuild(build: PassimBuild, options: WriteOpenSearchOptions): Promise<OpenSearchWriteReport> {
  const { client, indexPrefix: prefix } = options;
  const version = options.version ?? newIndexVersion();
  const shape: IndexShape = { shards: options.shards ?? 1, ...(options.replicas === undefined ? {} : { replicas: options.replicas }) };
  const indices = Object.fromEntries(INDEX_KINDS.map((kind) => [kind, versionedIndexName(prefix, kind, version)])) as Record<IndexKind, string>;
  const before = await readAliasTargets(client, prefix);
  try {
    for (const kind of INDEX_KINDS) {
      const body = indexBody(kind, shape, kind === 'passages' ? metaOf(build.manifest) : undefined) as { settings: Record<string, unknown> };
      // No refreshes while documents stream in; one at the end.
      body.settings.refresh_interval = '-1';
      await client.request({ method: 'PUT', path: `/${indices[kind]}`, body });
    }
    const total = build.manifest.passageCount + build.documents.length + build.terms.terms.length;
    const bulk = await sendBulk(client, buildActions(build, indices), {
      ...options.bulk,
      onProgress: (done) => options.onProgress?.(done, total),
    });
    const all = INDEX_KINDS.map((kind) => indices[kind]).join(',');
    await client.request({ method: 'PUT', path: `/${all}/_settings`, body: { index: { refresh_interval: null } } });
    await client.request({ method: 'POST', path: `/${all}/_refresh` });
    await waitForShards(client, all);
    await swapAliases(client, prefix, indices, before);
    const removed = Object.values(before).filter((index) => !Object.values(indices).includes(index));
    await deleteIndices(client, removed);
    removed.push(...(await removeLeftovers(client, prefix, version, options.leftoverAgeMs ?? 3_600_000)));
    return { version, indices, passages: build.manifest.passageCount, documents: build.documents.length, terms: build.terms.terms.length, bulk, removed };
  } catch (error) {
    // The aliases still point at the old indices; what this build wrote goes.
    await deleteIndices(client, Object.values(indices)).catch(() => {});
    throw error;
  }
}

function* buildActions(build: PassimBuild, indices: Record<IndexKind, string>): Generator<BulkAction> {
  let seq = 0;
  for (const document of build.documents) {
    const firstSeq = seq;
    for (const passage of document.passages) yield { index: indices.passages, id: passage.id, source: toPassageSource(document, passage, seq++) };
    yield { index: indices.documents, id: document.id, source: toDocumentSource(document, firstSeq) };
  }
  for (const term of termSources(build.terms, build.documents)) yield { index: indices.terms, id: term.term, source: term };
}

/** Waits until every primary shard of the indices is active (yellow), so that the swap never points searches at an index that cannot answer. */
export async function waitForShards(client: OpenSearchClient, indices: string): Promise<void> {
  const { body } = await client.request<{ timed_out: boolean; status: string }>({
    method: 'GET',
    path: `/_cluster/health/${indices}?wait_for_status=yellow&timeout=60s`,
    accept: [408],
    timeoutMs: 90_000,
  });
  if (body.timed_out) throw new Error(`the new indices ${indices} did not become searchable within 60 s (cluster health ${body.status})`);
}

/** Removes the versioned indices that interrupted builds left (no alias points at them), older than `ageMs` before `version`. */
async function removeLeftovers(client: OpenSearchClient, prefix: string, version: string, ageMs: number): Promise<string[]> {
  const cutoff = timeOfVersion(version) - ageMs;
  const leftovers = (await listUnaliasedIndices(client, prefix)).filter((found) => found.version !== version && timeOfVersion(found.version) < cutoff).map((found) => found.index);
  await deleteIndices(client, leftovers);
  return leftovers;
}

function timeOfVersion(version: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})(\d{3})z$/.exec(version);
  return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!, +match[7]!) : 0;
}
