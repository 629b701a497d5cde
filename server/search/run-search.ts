import type { SearchOptions } from 'minisearch';
import type { FacetValue, SearchHit, SearchResponse } from '../api/types.ts';
import type { LoadedIndex, PassageEntry } from '../index/load-index.ts';
import { buildSnippet } from './build-snippet.ts';

/** A validated search request. */
export interface SearchRequest {
  q: string;
  sources: string[];
  page: number;
  limit: number;
}

/** Words shorter than this are matched exactly: one typo in a short word is another word. */
const FUZZY_MIN_LENGTH = 5;

const QUERY_OPTIONS: SearchOptions = {
  // Every word must match, as in the search boxes users know.
  combineWith: 'AND',
  // The word being typed is a prefix, so results follow the keystrokes.
  prefix: (_term, index, terms) => index === terms.length - 1,
  fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 0.2 : false),
  // A title word lifts the document's first passage, without outranking passages that say it.
  boost: { text: 1, title: 0.5 },
};

interface Match {
  entry: PassageEntry;
  score: number;
  terms: string[];
}

/** Runs a search: every match is counted for `total` and facets; snippets are built for one page only. */
export function runSearch(index: LoadedIndex, request: SearchRequest): SearchResponse {
  const startedAt = performance.now();
  const matches: Match[] = [];
  for (const result of index.searchIndex.search(request.q, QUERY_OPTIONS)) {
    const entry = index.passages.get(result.id as string);
    if (entry) matches.push({ entry, score: result.score, terms: result.terms });
  }

  const facets = { source: countSources(index, matches) };
  const wanted = new Set(request.sources);
  const kept = wanted.size === 0 ? matches : matches.filter((match) => wanted.has(match.entry.document.source));
  kept.sort(compareMatches);

  const first = (request.page - 1) * request.limit;
  const hits = kept.slice(first, first + request.limit).map(toHit);
  return {
    query: request.q,
    total: kept.length,
    page: request.page,
    limit: request.limit,
    tookMs: Math.round((performance.now() - startedAt) * 100) / 100,
    hits,
    facets,
  };
}

/** Best score first; equal scores in corpus order, so pages never shuffle between requests. */
function compareMatches(a: Match, b: Match): number {
  if (b.score !== a.score) return b.score - a.score;
  if (a.entry.document.path !== b.entry.document.path) return a.entry.document.path < b.entry.document.path ? -1 : 1;
  return a.entry.passage.ordinal - b.entry.passage.ordinal;
}

/** Passage counts per source over all matches, ignoring the source filter: other sources stay visible. */
function countSources(index: LoadedIndex, matches: Match[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const { entry } of matches) counts.set(entry.document.source, (counts.get(entry.document.source) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, label: index.sourceNames.get(value) ?? value, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function toHit({ entry, score, terms }: Match): SearchHit {
  const { document, passage } = entry;
  const text = document.text.slice(passage.start, passage.end);
  return {
    id: passage.id,
    docId: document.id,
    title: document.title,
    source: document.source,
    sourceName: document.sourceName,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker }),
    ordinal: passage.ordinal,
    start: passage.start,
    end: passage.end,
    score: Math.round(score * 1000) / 1000,
    text,
    snippet: buildSnippet(text, new Set(terms)),
  };
}
