import { findWords } from '../../indexer/analyzer/index.ts';
import { termLabel } from '../query/describe-query.ts';
import type { MatchNode } from '../query/query-tree.ts';
import { normalizeTermCached } from './normalize-term-cached.ts';
import { findPhraseStarts } from './find-phrase.ts';
import { matchTerm, type TermMatch } from './match-term.ts';

/** A word of a text that matched a query term. */
export interface WordHighlight {
  /** Position of the word among the text's words. */
  index: number;
  start: number;
  end: number;
  /** The word as written. */
  word: string;
  /** The query term it matched (`termLabel`). */
  term: string;
  match: TermMatch;
}

/** How good a match is: the very word, then a completion, then a near spelling. */
export const MATCH_STRENGTH: Record<TermMatch, number> = { exact: 3, prefix: 2, fuzzy: 1 };

/** The best query term a word's analyzed form matches, or undefined. */
type TermMatcher = (term: string) => { term: string; match: TermMatch } | undefined;

/**
 * The analyzing highlighter: it reads the text word by word. Passim's term index finds highlights one
 * way, from the index's word positions (locate-highlights.ts, for hits and the reader alike); this one
 * is that way's oracle in the tests, and serves an engine without positions (OpenSearch).
 *
 * Every word of `text` that matches a query term, by the same rules as the search: a word matches a
 * term when its analyzed form does (so accent-folded, case-folded, and later stemmed forms all count);
 * a phrase's words only where the whole phrase stands. A word matching several terms takes the
 * phrase's label, else the strongest match, else the first term in the query.
 */
export function findHighlights(text: string, nodes: readonly MatchNode[]): WordHighlight[] {
  return createHighlighter(nodes)(text);
}

/**
 * `findHighlights` for many texts and one query: which query term an analyzed word matches is
 * worked out once per distinct word, not once per occurrence.
 */
export function createHighlighter(nodes: readonly MatchNode[]): (text: string) => WordHighlight[] {
  const phrases = nodes.flatMap((node) => (node.kind === 'phrase' ? [{ label: termLabel(node), terms: node.terms }] : []));
  const matchWord = createTermMatcher(nodes);
  return (text) => {
    const words = findWords(text);
    const terms = words.map(({ word }) => normalizeTermCached(word));
    const chosen = new Map<number, { term: string; match: TermMatch }>();
    for (const { label, terms: phrase } of phrases) {
      for (const start of findPhraseStarts(terms, phrase)) {
        for (let index = start; index < start + phrase.length; index += 1) if (!chosen.has(index)) chosen.set(index, { term: label, match: 'exact' });
      }
    }
    terms.forEach((term, index) => {
      if (chosen.has(index)) return;
      const best = matchWord(term);
      if (best) chosen.set(index, best);
    });
    return [...chosen]
      .sort(([a], [b]) => a - b)
      .map(([index, { term, match }]) => {
        const { word, start, end } = words[index]!;
        return { index, start, end, word, term, match };
      });
  };
}

function createTermMatcher(nodes: readonly MatchNode[]): TermMatcher {
  const termNodes = nodes.flatMap((node) => (node.kind === 'term' ? [node] : []));
  const known = new Map<string, { term: string; match: TermMatch } | undefined>();
  return (term) => {
    if (known.has(term)) return known.get(term);
    let best: { term: string; match: TermMatch } | undefined;
    for (const node of termNodes) {
      const match = matchTerm(node, term);
      if (match && (!best || MATCH_STRENGTH[match] > MATCH_STRENGTH[best.match])) best = { term: termLabel(node), match };
    }
    known.set(term, best);
    return best;
  };
}
