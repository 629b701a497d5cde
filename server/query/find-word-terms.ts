import { findWords, normalizeTerm } from '../../indexer/analyzer/index.ts';

export interface WordTerm {
  /** As written. */
  word: string;
  /** As indexed: the shared analyzer's term. */
  term: string;
}

/** The words of some query text with their index terms; words the analyzer drops are left out. */
export function findWordTerms(text: string): WordTerm[] {
  return findWords(text).flatMap(({ word }) => {
    const term = normalizeTerm(word);
    return term === '' ? [] : [{ word, term }];
  });
}
