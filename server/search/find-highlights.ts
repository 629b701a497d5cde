import { findWords, normalizeTerm } from '../../indexer/analyzer/index.ts';
import { termLabel } from '../query/describe-query.ts';
import type { MatchNode } from '../query/query-tree.ts';
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

const STRENGTH: Record<TermMatch, number> = { exact: 3, prefix: 2, fuzzy: 1 };

/**
 * Every word of `text` that matches a query term, by the same rules as the search: a word matches a
 * term when its analyzed form does (so accent-folded, case-folded, and later stemmed forms all count);
 * a phrase's words only where the whole phrase stands. A word matching several terms takes the
 * phrase's label, else the strongest match, else the first term in the query.
 */
export function findHighlights(text: string, nodes: readonly MatchNode[]): WordHighlight[] {
  const words = findWords(text);
  const terms = words.map(({ word }) => normalizeTerm(word));
  const chosen = new Map<number, { term: string; match: TermMatch; phrase: boolean }>();

  for (const node of nodes) {
    if (node.kind !== 'phrase') continue;
    const label = termLabel(node);
    for (const start of findPhraseStarts(terms, node.terms)) {
      for (let index = start; index < start + node.terms.length; index += 1) {
        if (!chosen.has(index)) chosen.set(index, { term: label, match: 'exact', phrase: true });
      }
    }
  }
  terms.forEach((term, index) => {
    for (const node of nodes) {
      if (node.kind !== 'term') continue;
      const match = matchTerm(node, term);
      const current = chosen.get(index);
      if (!match || (current && (current.phrase || STRENGTH[current.match] >= STRENGTH[match]))) continue;
      chosen.set(index, { term: termLabel(node), match, phrase: false });
    }
  });

  return [...chosen]
    .sort(([a], [b]) => a - b)
    .map(([index, { term, match }]) => {
      const { word, start, end } = words[index]!;
      return { index, start, end, word, term, match };
    });
}
