import type { MatchedTerm, SearchHit, SearchResponse } from '../api/types.ts';
import type { EngineHit, EngineSearchResult, SearchRequest } from '../engine/search-engine.ts';
import { describeQuery, listQueryTerms } from '../query/describe-query.ts';
import { buildSnippet, DEFAULT_SNIPPET_OPTIONS } from './build-snippet.ts';
import { describePassage } from './describe-passage.ts';
import { MATCH_STRENGTH, type WordHighlight } from './find-highlights.ts';

/**
 * Maps an engine's answer to the API's `SearchResponse`: snippets from the highlights, matched terms,
 * citations and the interpretation are built here, the same way whichever engine answered.
 */
export function presentSearch(result: EngineSearchResult, request: SearchRequest, startedAt: number): SearchResponse {
  const { tree, matchMode, alsoSearched, suggestion } = result;
  const notes = [...tree.notes];
  if (matchMode === 'any') notes.push({ code: 'any_word_fallback', message: 'No passage matches every term, so passages matching some of them are shown, best first.' });
  return {
    query: request.q.trim(),
    total: result.total,
    ...(result.totalIsEstimate ? { totalIsEstimate: true } : {}),
    page: request.page,
    limit: request.limit,
    tookMs: Math.round((performance.now() - startedAt) * 100) / 100,
    hits: result.hits.map(presentHit),
    facets: result.facets,
    ...(result.undated ? { undated: result.undated } : {}),
    ...(result.facetIsEstimate && Object.values(result.facetIsEstimate).some(Boolean) ? { facetIsEstimate: result.facetIsEstimate } : {}),
    interpretation: { readAs: describeQuery(tree), matchMode, terms: listQueryTerms(tree), notes },
    ...(alsoSearched.length === 0 ? {} : { alsoSearched }),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

function presentHit({ entry, text, score, highlights, words }: EngineHit): SearchHit {
  return {
    ...describePassage(entry, text),
    ...(entry.document.date === undefined ? {} : { date: entry.document.date }),
    score: Math.round(score * 1000) / 1000,
    snippet: buildSnippet(text, highlights, DEFAULT_SNIPPET_OPTIONS, words),
    matchedTerms: summarizeMatches(highlights),
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
