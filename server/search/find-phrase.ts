import { findWords } from '../../indexer/analyzer/index.ts';
import { normalizeTermCached } from './normalize-term-cached.ts';

/** Indexes in `terms` where `phrase` starts: its terms one after the other, nothing between. */
export function findPhraseStarts(terms: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  if (phrase.length === 0) return starts;
  for (let start = 0; start + phrase.length <= terms.length; start += 1) {
    let offset = 0;
    while (offset < phrase.length && terms[start + offset] === phrase[offset]) offset += 1;
    if (offset === phrase.length) starts.push(start);
  }
  return starts;
}

/** The analyzed terms of a text, in order: what the index saw, with positions. */
export function analyzeText(text: string): string[] {
  return findWords(text).map(({ word }) => normalizeTermCached(word));
}

/** Whether a text says the phrase: checked on the text itself, because the index keeps no positions. */
export function textHasPhrase(text: string, phrase: readonly string[]): boolean {
  return findPhraseStarts(analyzeText(text), phrase).length > 0;
}
