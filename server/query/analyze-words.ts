import { findWords, normalizeTerm } from '../../indexer/analyzer/index.ts';

export interface AnalyzedWord {
  /** As written. */
  word: string;
  /** As indexed: the shared analyzer's term. */
  term: string;
}

/** The words of some query text with their index terms; words the analyzer drops are left out. */
export function analyzeWords(text: string): AnalyzedWord[] {
  return findWords(text).flatMap(({ word }) => {
    const term = normalizeTerm(word);
    return term === '' ? [] : [{ word, term }];
  });
}
