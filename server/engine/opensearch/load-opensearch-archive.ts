import type { ArchiveSummary, FacetValue } from '../../api/types.ts';
import type { PassimIndexMeta } from '../../../indexer/opensearch/index-mappings.ts';
import { EngineUnavailableError } from '../engine-unavailable.ts';
import { buildArchiveVocabulary, type ArchiveVocabulary, type VocabularyTerm } from './opensearch-vocabulary.ts';
import { OpenSearchError, type SendRequest } from './opensearch-transport.ts';

/** The three aliases a build swaps together, from the index prefix. */
export function archiveAliases(prefix: string): { passages: string; documents: string; terms: string } {
  return { passages: `${prefix}-passages`, documents: `${prefix}-documents`, terms: `${prefix}-terms` };
}

/** One build of the archive in the cluster, as the server serves it: its indexes, facts and vocabulary. */
export interface OpenSearchArchive {
  /** The concrete indexes behind the aliases when this build was loaded: a search runs on one build. */
  indexes: { passages: string; documents: string; terms: string };
  builtAt: string;
  documentCount: number;
  passageCount: number;
  vocabulary: ArchiveVocabulary;
  /** Display names of the sources, by source id. */
  sourceNames: Map<string, string>;
  /** The largest sources and speakers and the dated span (`HealthResponse.archive`). */
  summary: ArchiveSummary;
}

/** The concrete index behind an alias, or undefined when there is none yet. */
export async function resolveAlias(send: SendRequest, alias: string): Promise<string | undefined> {
  try {
    const found = await send<Record<string, unknown>>('GET', `/_alias/${encodeURIComponent(alias)}`);
    return Object.keys(found).sort().at(-1);
  } catch (error) {
    if (error instanceof OpenSearchError && error.status === 404) return undefined;
    throw error;
  }
}

/** Vocabulary documents fetched a page at a time. */
const TERMS_PAGE = 10_000;

async function readVocabulary(send: SendRequest, index: string): Promise<VocabularyTerm[]> {
  const terms: VocabularyTerm[] = [];
  let after: unknown[] | undefined;
  for (;;) {
    const page = await send<{ hits: { hits: { _source: VocabularyTerm; sort: unknown[] }[] } }>('POST', `/${index}/_search`, {
      size: TERMS_PAGE,
      sort: [{ term: 'asc' }],
      track_total_hits: false,
      ...(after === undefined ? {} : { search_after: after }),
    });
    for (const hit of page.hits.hits) terms.push(hit._source);
    if (page.hits.hits.length < TERMS_PAGE) return terms;
    after = page.hits.hits.at(-1)!.sort;
  }
}

interface Buckets<T = object> {
  buckets: ({ key: string; doc_count: number } & T)[];
}

/** Most passages first, then by value: as the term index's `summarizeArchive` lists them. */
const largest = (values: FacetValue[]) => values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 5);

/** The sources' display names, and the archive's summary for the help (largest sources and speakers, first and last dates). */
async function readArchiveFacts(send: SendRequest, index: string): Promise<{ sourceNames: Map<string, string>; summary: ArchiveSummary }> {
  type SpeakerBuckets = Buckets<{ name: { hits: { hits: { _source: { speakerName?: string } }[] } } }>;
  const { aggregations } = await send<{ aggregations: { sources: Buckets<{ name: Buckets }>; speakers: SpeakerBuckets; first: Buckets; last: Buckets } }>('POST', `/${index}/_search`, {
    size: 0,
    aggs: {
      sources: { terms: { field: 'source', size: 10_000 }, aggs: { name: { terms: { field: 'sourceName', size: 1 } } } },
      // The display name is stored, not indexed: read from one passage of the speaker.
      speakers: { terms: { field: 'speaker', size: 10_000 }, aggs: { name: { top_hits: { size: 1, _source: ['speakerName'] } } } },
      first: { terms: { field: 'date', size: 1, order: { _key: 'asc' } } },
      last: { terms: { field: 'date', size: 1, order: { _key: 'desc' } } },
    },
  });
  const sourceNames = new Map(aggregations.sources.buckets.map(({ key, name }) => [key, name.buckets[0]?.key ?? key]));
  const sources = aggregations.sources.buckets.map(({ key, doc_count, name }) => ({ value: key, label: name.buckets[0]?.key ?? key, count: doc_count }));
  const speakers = aggregations.speakers.buckets.map(({ key, doc_count, name }) => ({ value: key, label: name.hits.hits[0]?._source.speakerName ?? key, count: doc_count }));
  const [firstDate, lastDate] = [aggregations.first.buckets[0]?.key, aggregations.last.buckets[0]?.key];
  return {
    sourceNames,
    summary: { sources: largest(sources), speakers: largest(speakers), ...(firstDate === undefined ? {} : { firstDate }), ...(lastDate === undefined ? {} : { lastDate }) },
  };
}

/**
 * Loads the build the aliases point to: its facts (from the passage index's `_meta`), source names
 * and vocabulary. An archive not built yet, or a cluster that cannot answer, is `EngineUnavailableError`.
 */
export async function loadOpenSearchArchive(send: SendRequest, prefix: string): Promise<OpenSearchArchive> {
  const aliases = archiveAliases(prefix);
  const [passages, documents, terms] = await Promise.all([resolveAlias(send, aliases.passages), resolveAlias(send, aliases.documents), resolveAlias(send, aliases.terms)]);
  if (!passages || !documents || !terms) throw new EngineUnavailableError(`No Passim index in the OpenSearch cluster yet (aliases ${aliases.passages}, ${aliases.documents}, ${aliases.terms}). Build one with: npm run index -- --engine opensearch`);
  const mapping = await send<Record<string, { mappings: { _meta?: { passim?: Partial<PassimIndexMeta> } } }>>('GET', `/${passages}/_mapping`);
  const meta = mapping[passages]?.mappings._meta?.passim ?? {};
  const [vocabulary, { sourceNames, summary }] = await Promise.all([readVocabulary(send, terms), readArchiveFacts(send, passages)]);
  return {
    indexes: { passages, documents, terms },
    builtAt: meta.builtAt ?? '',
    documentCount: meta.documentCount ?? 0,
    passageCount: meta.passageCount ?? 0,
    vocabulary: buildArchiveVocabulary(vocabulary),
    sourceNames,
    summary,
  };
}
