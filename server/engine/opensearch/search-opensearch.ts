import { parseQuery } from '../../query/parse-query.ts';
import { matchNodes, positiveClauses, type QueryTree } from '../../query/query-tree.ts';
import { defaultSynonyms } from '../../query/synonyms.ts';
import { widenQuery } from '../../query/widen-query.ts';
import { DEFAULT_EXECUTE_OPTIONS } from '../../search/execute-query.ts';
import { checkFilterValues, LABEL_FIELDS, type LabelField } from '../../search/check-filter-values.ts';
import { limitTyposToUnknownWords } from '../../search/typos-for-unknown.ts';
import { suggestCorrection } from '../../suggest/suggest-correction.ts';
import type { EngineHit, EngineSearchResult, SearchRequest } from '../search-engine.ts';
import { clauseQuery, excludedQueries, type QueryDsl, type TermExpansions } from './build-clause-query.ts';
import { buildFilterQueries, LABEL_WORDS_FIELD, wordsQuery } from './build-filter-query.ts';
import type { OpenSearchArchive } from './load-opensearch-archive.ts';
import { facetRequest, readFacets, readUndated, type FacetSelections } from './opensearch-facets.ts';
import { readDocumentLabels, toEngineEntry, type PassageSource } from './passage-source.ts';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, labelHighlights, readMarkedRanges } from './read-highlights.ts';
import type { SendRequest } from './opensearch-transport.ts';
import { vocabularyForms, vocabularyHolds } from './opensearch-vocabulary.ts';

interface SearchAnswer {
  hits: { total: { value: number }; hits: { _score: number | null; _source: PassageSource; highlight?: { text?: string[] } }[] };
  aggregations?: Record<string, unknown> & { every?: { doc_count: number } };
}

/** A shard that cannot answer fails the search: a total or a facet count missing a shard's passages would be untrue. */
export const STRICT = 'allow_partial_search_results=false';

/** The query read and widened against the archive's vocabulary, as the term index widens it against its own. */
export function readQuery(archive: OpenSearchArchive, q: string): { tree: QueryTree; alsoSearched: string[] } {
  const { vocabulary } = archive;
  const widened = widenQuery(parseQuery(q), { stemVariants: (term) => vocabularyForms(vocabulary, term), synonyms: defaultSynonyms() });
  return { ...widened, tree: limitTyposToUnknownWords(widened.tree, (node) => vocabularyHolds(vocabulary, node)) };
}

/** The highlighter's settings: whole passages, marked with private-use sentinels (read-highlights.ts). */
export function highlightRequest(positive: readonly QueryDsl[]): QueryDsl {
  return {
    type: 'unified',
    pre_tags: [HIGHLIGHT_OPEN],
    post_tags: [HIGHLIGHT_CLOSE],
    fields: { text: { number_of_fragments: 0, highlight_query: { bool: { should: positive, minimum_should_match: positive.length === 0 ? 0 : 1 } } } },
  };
}

/**
 * A search on OpenSearch, by the term index's rules: every clause must match; from three clauses,
 * passages missing one also match (ranked lower); when nothing matches them all, passages matching
 * any informative clause (the any-word fallback). Facets, the page of hits and their highlights come
 * in one request; the fallback costs a second one only when the first found nothing.
 */
export async function searchOpenSearch(send: SendRequest, archive: OpenSearchArchive, request: SearchRequest): Promise<EngineSearchResult> {
  const { vocabulary } = archive;
  const { tree, alsoSearched } = readQuery(archive, request.q);
  const expansions: TermExpansions = new Map();
  const positive = positiveClauses(tree);
  const clauses = positive.map((clause) => clauseQuery(clause, vocabulary, expansions));
  const excluded = excludedQueries(tree, vocabulary, expansions);
  const { filter, mustNot } = buildFilterQueries(tree.filters);
  const selections: FacetSelections = { source: request.sources, speaker: request.speakers ?? [], lang: (request.langs ?? []).map((lang) => lang.toLowerCase()), year: request.years ?? [] };
  const suggestion = suggestCorrection(request.q.trim(), tree, vocabulary.tree);
  const answer = (total: number, hits: EngineHit[], aggregations: Record<string, unknown> | undefined, matchMode: 'all' | 'any'): EngineSearchResult => ({
    total,
    hits,
    facets: readFacets(aggregations, selections, archive.sourceNames),
    undated: readUndated(aggregations),
    tree,
    matchMode,
    alsoSearched,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
  if (positive.length === 0 && excluded.length === 0 && tree.filters.length === 0) return answer(0, [], undefined, 'all');

  const base = { filter, must_not: [...excluded, ...mustNot] };
  const { oneMissingFrom, commonWordShare } = DEFAULT_EXECUTE_OPTIONS;
  const every: QueryDsl = { bool: { must: clauses, ...base } };
  const allQuery = positive.length >= oneMissingFrom ? { bool: { should: clauses, minimum_should_match: positive.length - 1, ...base } } : every;
  const near = proximityQueries(tree);
  const ranked = (query: QueryDsl): QueryDsl => (near.length === 0 ? query : { bool: { must: [query], should: near } });
  const run = (query: QueryDsl) => send<SearchAnswer>('POST', `/${archive.indexes.passages}/_search?${STRICT}`, searchBody(ranked(query), clauses, selections, request, { every: { filter: positive.length >= oneMissingFrom ? every : { match_all: {} } }, ...labelAggregations(tree) }));

  const first = await run(allQuery);
  // A source:, speaker: or title: filter no value of its field holds: say so, as the term index does.
  const labelCounts = (first.aggregations?.labels ?? {}) as Record<string, { doc_count?: number }>;
  tree.notes.push(...checkFilterValues(tree, request.q.trim(), (filter, field) => (labelCounts[labelAggregation(tree, filter, field)]?.doc_count ?? 0) > 0));
  // Passages matching every clause, before the facet selections (as the term index decides on the fallback).
  const matchedAll = (first.aggregations?.every?.doc_count ?? 0) > 0;
  let found = first;
  let matchMode: 'all' | 'any' = 'all';
  if (!matchedAll && positive.length >= 2) {
    // A word in more than half the passages cannot make a passage match on its own, when the query has rarer words.
    const common = (at: number) => {
      const clause = positive[at]!;
      return clause.kind === 'term' && !clause.prefix && (vocabulary.passagesOf.get(clause.term) ?? 0) > commonWordShare * archive.passageCount;
    };
    const informative = clauses.filter((_, at) => !common(at));
    found = await run({ bool: { should: clauses, filter: [...filter, { bool: { should: informative.length > 0 ? informative : clauses, minimum_should_match: 1 } }], must_not: base.must_not } });
    matchMode = 'any';
  }
  const nodes = matchNodes(tree);
  const labels = await readDocumentLabels(send, archive.indexes.documents, found.hits.hits.map((hit) => hit._source.docId));
  const hits = found.hits.hits.map(({ _score, _source, highlight }): EngineHit => {
    const { highlights, words } = labelHighlights(_source.text, readMarkedRanges(highlight?.text?.[0] ?? _source.text), nodes, expansions);
    return { entry: toEngineEntry(_source, labels.get(_source.docId)), text: _source.text, score: _score ?? 0, highlights, words };
  });
  return answer(found.hits.total.value, hits, found.aggregations, matchMode);
}

/** Over the whole archive: how many passages each source:, speaker: or title: filter would keep on each of these fields. */
function labelAggregations(tree: QueryTree): Record<string, QueryDsl> {
  const aggs: Record<string, QueryDsl> = {};
  for (const filter of tree.filters) {
    if (filter.field !== 'source' && filter.field !== 'speaker' && filter.field !== 'title') continue;
    for (const field of LABEL_FIELDS) aggs[labelAggregation(tree, filter, field)] = { filter: wordsQuery(LABEL_WORDS_FIELD[field], filter) };
  }
  return Object.keys(aggs).length === 0 ? {} : { labels: { global: {}, aggs } };
}

const labelAggregation = (tree: QueryTree, filter: QueryTree['filters'][number], field: LabelField) => `${tree.filters.indexOf(filter)}-${field}`;

/**
 * Ranking only (they never decide what matches): passages where the query's words stand close
 * together score higher, as the term index's proximity boost ranks them (rank-matches.ts). The words
 * as written (not their other forms) within a few words of each other, and closer still.
 */
function proximityQueries(tree: QueryTree): QueryDsl[] {
  const words = positiveClauses(tree).flatMap((clause) => (clause.kind === 'term' && !clause.prefix ? [clause.term] : clause.kind === 'phrase' ? clause.terms : []));
  if (words.length < 2) return [];
  const near = (slop: number, boost: number) => ({ match_phrase: { text: { query: words.join(' '), analyzer: 'whitespace', slop, boost } } });
  return [near(PROXIMITY.close, PROXIMITY.closeBoost), near(PROXIMITY.within, PROXIMITY.withinBoost)];
}

/** Word moves allowed for "close" and "within", and what each adds to a passage's score. */
const PROXIMITY = { close: 2, closeBoost: 2, within: 12, withinBoost: 1 };

function searchBody(query: QueryDsl, positive: readonly QueryDsl[], selections: FacetSelections, request: SearchRequest, extraAggs: Record<string, QueryDsl>): QueryDsl {
  const { postFilter, aggs } = facetRequest(selections);
  return {
    query,
    ...(postFilter === undefined ? {} : { post_filter: postFilter }),
    aggs: { ...aggs, ...extraAggs },
    from: (request.page - 1) * request.limit,
    size: request.limit,
    track_total_hits: true,
    // Equal scores in the term index's order: by the document's path in the corpus, then the passage's place in it.
    // By date: undated documents last, one date's passages best first.
    sort: [
      ...(request.sort === 'newest' || request.sort === 'oldest' ? [{ date: { order: request.sort === 'newest' ? 'desc' : 'asc', missing: '_last' } }] : []),
      '_score',
      { path: 'asc' },
      { ordinal: 'asc' },
    ],
    highlight: highlightRequest(positive),
  };
}
