/**
 * The one analyzer of Passim. The indexer and the server both import it from here, so a term is
 * processed identically at index and at query time. Bump ANALYZER_VERSION whenever the output of
 * `tokenize` or `normalizeTerm` changes for any input: the server refuses an index built by another.
 * Stems (`stemTerm`) are not stored in the index: the server groups the index's terms by stem when it
 * loads it, so a query word also finds the other forms of it (see server/query/widen-query.ts).
 */
export { countWords, findWords, firstWords, tokenize, WORD_PATTERN_SOURCE, type WordSpan } from './find-words.ts';
export { CAPITAL_INITIALISMS, normalizeTerm } from './normalize-term.ts';
export { DEFAULT_STEM_LANGUAGE, STEMMED_LANGUAGES, stemLanguageOf, stemTerm } from './stem-term.ts';
export { addToStemGroup, findOtherForms, findRelatedWords, isFormOf, wordRoot, type StemGroups } from './word-forms.ts';

/** 3: abbreviations keep their dots (`u.s.`, not `us`); `US`, `UK`, `UN` in capitals are the abbreviations. */
export const ANALYZER_VERSION = 3;
