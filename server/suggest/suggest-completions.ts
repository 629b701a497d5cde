import type { Suggestion } from '../api/types.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import { findWordTerms } from '../query/find-word-terms.ts';
import type { Vocabulary } from './build-vocabulary.ts';

export interface CompletionOptions {
  /** Completions of the last word, most frequent first. Default 8. */
  maxWords: number;
  /** Titles holding every word (the last as a prefix), alphabetical. Default 5. */
  maxTitles: number;
}

const POSSESSIVE = /['’ʼ]s$/u;

export const DEFAULT_COMPLETION_OPTIONS: CompletionOptions = { maxWords: 8, maxTitles: 5 };

/**
 * Completions for a search box: the last word completed from the corpus vocabulary (most passages
 * first, in its usual spelling), then document titles that hold every word typed.
 */
export function suggestCompletions(index: LoadedIndex, facts: IndexFacts, query: string, options: Partial<CompletionOptions> = {}): Suggestion[] {
  const { maxWords, maxTitles } = { ...DEFAULT_COMPLETION_OPTIONS, ...options };
  const words = findWordTerms(query);
  if (words.length === 0) return [];
  const typing = isTyping(query);
  const wanted = words.map((word) => word.term);
  const titles = [...index.documents.values()]
    .filter((document) => {
      const terms = facts.titleTerms.get(document.id) ?? new Set<string>();
      return wanted.every((term, at) => terms.has(term) || (typing && at === wanted.length - 1 && [...terms].some((candidate) => candidate.startsWith(term))));
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
    .slice(0, maxTitles);
  return [...completeLastWord(facts.vocabulary, query, maxWords), ...titles.map((document): Suggestion => ({ text: document.title, kind: 'title', docId: document.id }))];
}

/** The last word is still being typed: the query does not end with a space. */
export function isTyping(query: string): boolean {
  return !/\s$/.test(query);
}

/** The query with its last word completed from the vocabulary, most passages first, in its usual spelling; none once the word is finished. */
export function completeLastWord(vocabulary: Vocabulary, query: string, maxWords: number): Suggestion[] {
  const words = findWordTerms(query);
  const last = words[words.length - 1];
  if (!last || !isTyping(query)) return [];
  const before = query.slice(0, query.lastIndexOf(last.word));
  return [...vocabulary.atPrefix(last.term)]
    .sort(([termA, a], [termB, b]) => b.passages - a.passages || (termA < termB ? -1 : 1))
    .slice(0, maxWords)
    .map(([, entry]) => {
      // The usual spelling without a possessive: `U.S.S.R.`, not `U.S.S.R.'s`, is what completes the word.
      const written = entry.form.replace(POSSESSIVE, '');
      return { text: `${before}${last.word === last.word.toLowerCase() ? written.toLowerCase() : written}`, kind: 'word' };
    });
}
