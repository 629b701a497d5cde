import type { MatchedTerm, SearchHit, SearchResponse } from '../api/types.ts';
import { citePassage } from '../citation/build-citation.ts';
import { countFacets, type FacetSelection } from '../facets/count-facets.ts';
import { getIndexFacts } from '../index/index-facts.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { describeQuery, listQueryTerms } from '../query/describe-query.ts';
import { parseQuery } from '../query/parse-query.ts';
import { matchNodes } from '../query/query-tree.ts';
import { suggestCorrection } from '../suggest/suggest-correction.ts';
import { buildSnippet, DEFAULT_SNIPPET_OPTIONS } from './build-snippet.ts';
import { describePassage } from './describe-passage.ts';
import { executeQuery } from './execute-query.ts';
import { widenForIndex } from './widen-for-index.ts';
import { MATCH_STRENGTH, type WordHighlight } from './find-highlights.ts';
import { createPassageHighlighter, type PassageHighlighter } from './locate-highlights.ts';
import { rankMatches, type RankedMatch } from './rank-matches.ts';
import { passageWordBounds } from './word-bounds.ts';

/** A validated search request. */
export interface SearchRequest {
  /** The query as typed; a trailing space says the last word is finished. */
  q: string;
  /** Facet selections: values kept per facet (OR within, AND across). */
  sources: string[];
  speakers?: string[];
  langs?: string[];
  years?: string[];
  page: number;
  limit: number;
  /** Origin the client reaches the server at, for citation permalinks (`http://localhost:3000`). */
  baseUrl?: string;
}

/**
 * Runs a search: parse, execute, count facets over every match, rank what the facet selections keep,
 * and build hits (snippets, matched terms, citations) for the requested page only.
 */
export function runSearch(index: LoadedIndex, request: SearchRequest): SearchResponse {
  const startedAt = performance.now();
  const facts = getIndexFacts(index);
  const { tree, alsoSearched } = widenForIndex(index, parseQuery(request.q));
  const { matches, matchMode } = executeQuery(index, facts, tree);

  const selection: FacetSelection = {
    source: new Set(request.sources),
    speaker: new Set(request.speakers ?? []),
    lang: new Set((request.langs ?? []).map((lang) => lang.toLowerCase())),
    year: new Set(request.years ?? []),
  };
  const { kept, facets } = countFacets(matches, selection, index);
  const first = (request.page - 1) * request.limit;
  const ranked = rankMatches(index, kept, tree, facts, matchMode, { needed: first + request.limit });

  const nodes = matchNodes(tree);
  const highlight = createPassageHighlighter(index, facts, nodes);
  const hits = ranked.slice(first, first + request.limit).map((match) => toHit(index, match, highlight, request.baseUrl ?? ''));
  const notes = [...tree.notes];
  if (matchMode === 'any') notes.push({ code: 'any_word_fallback', message: 'No passage matches every term, so passages matching some of them are shown, best first.' });
  const suggestion = suggestCorrection(request.q.trim(), tree, facts.vocabulary);
  return {
    query: request.q.trim(),
    total: kept.length,
    page: request.page,
    limit: request.limit,
    tookMs: Math.round((performance.now() - startedAt) * 100) / 100,
    hits,
    facets,
    interpretation: { readAs: describeQuery(tree), matchMode, terms: listQueryTerms(tree), notes },
    ...(alsoSearched.length === 0 ? {} : { alsoSearched }),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

function toHit(index: LoadedIndex, match: RankedMatch, highlight: PassageHighlighter, baseUrl: string): SearchHit {
  const fields = describePassage(match.entry);
  const { text } = fields;
  // The text's words once, for the highlights' offsets and the snippet's window.
  const words = passageWordBounds(index, match.passage, text);
  const highlights = highlight(match.passage, text, words);
  return {
    ...fields,
    score: Math.round(match.rank * 1000) / 1000,
    snippet: buildSnippet(text, highlights, DEFAULT_SNIPPET_OPTIONS, words),
    matchedTerms: summarizeMatches(highlights),
    citation: citePassage(match.entry, baseUrl),
  };
}

/** Per query term, the distinct forms that matched it in the passage and the best kind of match. */
function summarizeMatches(highlights: readonly WordHighlight[]): MatchedTerm[] {
  const byTerm = new Map<string, MatchedTerm>();
  for (const { term, word, match } of highlights) {
    const entry = byTerm.get(term);
    if (!entry) byTerm.set(term, { term, forms: [word], match });
    else {
      if (!entry.forms.includes(word)) entry.forms.push(word);
      if (MATCH_STRENGTH[match] > MATCH_STRENGTH[entry.match]) entry.match = match;
    }
  }
  return [...byTerm.values()];
}
