import type { SearchResponse } from '../api/types.ts';
import type { EngineHit, EngineSearchResult, SearchRequest } from '../engine/search-engine.ts';
import { countFacets, listFacets, type FacetSelection } from '../facets/count-facets.ts';
import { getIndexFacts } from '../index/index-facts.ts';
import { readPassageText, type LoadedIndex } from '../index/loaded-index.ts';
import { parseQuery } from '../query/parse-query.ts';
import { matchNodes } from '../query/query-tree.ts';
import { suggestCorrection } from '../suggest/suggest-correction.ts';
import { checkFilterValues, holdsSomeValueIn } from './check-filter-values.ts';
import { executePrepared, prepareQuery, type Match } from './execute-query.ts';
import { widenForIndex } from './widen-for-index.ts';
import { createPassageHighlighter, type PassageHighlighter } from './locate-highlights.ts';
import { presentSearch } from './present-search.ts';
import { rankMatches, type RankedMatch } from './rank-matches.ts';
import { passageWordBounds } from './word-bounds.ts';
import { searchPruned, type PruneOptions } from './prune/search-pruned.ts';

export type { SearchRequest } from '../engine/search-engine.ts';

export interface TermIndexSearchOptions {
  /** How a query matching much of the archive is pruned (prune/search-pruned.ts); `false` reads every match (the pruned path's test oracle). */
  prune: Partial<PruneOptions> | false;
}

/**
 * Runs a search on the term index: parse, execute, count facets over every match, rank what the
 * facet selections keep, and find the highlights of the requested page only. A query every clause of
 * which has more postings than the exact bound instead reads the blocks of the archive that can reach
 * the page and a sample for its counts, flagged as estimates past the bound (prune/search-pruned.ts).
 */
export function searchTermIndex(index: LoadedIndex, request: SearchRequest, options: Partial<TermIndexSearchOptions> = {}): EngineSearchResult {
  const facts = getIndexFacts(index);
  const { tree, alsoSearched } = widenForIndex(index, parseQuery(request.q));
  tree.notes.push(...checkFilterValues(tree, request.q.trim(), holdsSomeValueIn(facts)));
  const prepared = prepareQuery(index, facts, tree);

  const selection: FacetSelection = {
    source: new Set(request.sources),
    speaker: new Set(request.speakers ?? []),
    lang: new Set((request.langs ?? []).map((lang) => lang.toLowerCase())),
    year: new Set(request.years ?? []),
  };
  const first = (request.page - 1) * request.limit;
  // Sorted by date, every match may be on the page: only a ranking by score can be pruned.
  const byDate = request.sort === 'newest' || request.sort === 'oldest';
  const pruned = options.prune === false || byDate ? undefined : searchPruned(prepared, tree, facts, selection, first + request.limit, options.prune);
  const { matches, matchMode } = pruned ? { matches: pruned.kept, matchMode: 'all' as const } : executePrepared(prepared);
  const { kept, facets, missing } = pruned ? { kept: pruned.kept, facets: listFacets(pruned.counts, selection, index), missing: pruned.missing } : countFacets(matches, selection, index);
  const rank = (matches: readonly Match[], needed: number) => rankMatches(index, matches, tree, facts, matchMode, { needed });
  const page = byDate ? pageByDate(kept, request.sort as 'newest' | 'oldest', first, request.limit, rank) : rank(kept, first + request.limit).slice(first, first + request.limit);

  const highlight = createPassageHighlighter(index, facts, matchNodes(tree));
  const hits = page.map((match) => toEngineHit(index, match, highlight));
  const suggestion = suggestCorrection(request.q.trim(), tree, facts.vocabulary);
  const estimatedFacets = pruned ? Object.fromEntries(Object.entries(pruned.facetIsEstimate).filter(([, estimated]) => estimated)) : {};
  const estimates = pruned ? { total: pruned.total, totalIsEstimate: pruned.totalIsEstimate, facetIsEstimate: estimatedFacets } : { total: kept.length };
  return { ...estimates, hits, facets, undated: missing.year, tree, matchMode, alsoSearched, ...(suggestion === undefined ? {} : { suggestion }) };
}

/**
 * One page of matches by their document's date (newest or oldest first), undated documents last and
 * matches of one date best first. Only the dates the page touches are ranked, each date's matches all
 * together, so a match's place does not depend on the page asked for: pages follow on without gaps or
 * repeats.
 */
function pageByDate(kept: readonly Match[], sort: 'newest' | 'oldest', first: number, limit: number, rank: (matches: readonly Match[], needed: number) => RankedMatch[]): RankedMatch[] {
  const dateOf = (match: Match) => match.entry.document.date;
  const direction = sort === 'newest' ? -1 : 1;
  // Array.prototype.sort is stable: equal dates keep the passage order the matches came in.
  const ordered = [...kept].sort((a, b) => {
    const [x, y] = [dateOf(a), dateOf(b)];
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return (x < y ? -1 : 1) * direction;
  });
  if (first >= ordered.length) return [];
  let start = first;
  while (start > 0 && dateOf(ordered[start - 1]!) === dateOf(ordered[first]!)) start -= 1;
  let end = Math.min(first + limit, ordered.length);
  while (end < ordered.length && dateOf(ordered[end]!) === dateOf(ordered[end - 1]!)) end += 1;
  const ranked: RankedMatch[] = [];
  for (let at = start; at < end; ) {
    let next = at + 1;
    while (next < end && dateOf(ordered[next]!) === dateOf(ordered[at]!)) next += 1;
    ranked.push(...rank(ordered.slice(at, next), next - at));
    at = next;
  }
  return ranked.slice(first - start, first - start + limit);
}

/** A term-index search mapped to the API: what `GET /api/search` answers when the term index serves. */
export function runSearch(index: LoadedIndex, request: SearchRequest, options: Partial<TermIndexSearchOptions> = {}): SearchResponse {
  const startedAt = performance.now();
  return presentSearch(searchTermIndex(index, request, options), request, startedAt);
}

function toEngineHit(index: LoadedIndex, match: RankedMatch, highlight: PassageHighlighter): EngineHit {
  const { entry } = match;
  const text = readPassageText(index, entry);
  // The text's words once, for the highlights' offsets and the snippet's window.
  const words = passageWordBounds(index, match.passage, text);
  return { entry, text, score: match.rank, highlights: highlight(match.passage, text, words), words };
}
