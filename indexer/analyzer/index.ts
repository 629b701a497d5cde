/**
 * The one analyzer of Passim. The indexer and the server both import it from here, so a term is
 * processed identically at index and at query time. Bump ANALYZER_VERSION whenever the output of
 * `tokenize` or `normalizeTerm` changes for any input: the server refuses an index built by another.
 */
export { findWords, tokenize, type WordSpan } from './find-words.ts';
export { normalizeTerm } from './normalize-term.ts';

export const ANALYZER_VERSION = 1;
