/**
 * Word boundaries for every part of Passim: the index, the query and the snippet highlighter all see
 * the same words at the same offsets.
 *
 * A word is a run of letters, digits and combining marks; an apostrophe (straight or curly) between two
 * such runs stays inside the word ("Coalition's", "today’s"). Everything else separates words:
 * spaces of any kind (including non-breaking ones), punctuation, hyphens and dashes (so `F-16` is two
 * words; the query meets `F16` with it, see server/query/joined-words.ts). Two kinds of token that
 * readers write in several ways are read so that the ways meet (`normalizeTerm` finishes):
 *
 * - single letters with dots are one word, with or without the last dot: `U.S.`, `U.S.'s` and `U.S`
 *   (as a query is typed) are all `u.s.`, an abbreviation that never meets the pronoun `us`;
 * - a number with separators is one word: `18,000`, `18.000` and `18 000` (non-breaking or thin
 *   space) are `18000`; `1.2` and `1,2` are `1.2`.
 */
const ABBREVIATION = String.raw`(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+(?:\.|(?![\p{L}\p{N}\p{M}]))(?:['’ʼ]s\b)?`;
const NUMBER = String.raw`\p{N}+(?:[.,\u00A0\u202F\u2009]\p{N}+)+(?![\p{L}\p{M}])`;
const PLAIN = String.raw`[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*`;
const WORD = new RegExp(`${ABBREVIATION}|${NUMBER}|${PLAIN}`, 'gu');
/** The word pattern itself (Unicode mode), for an engine that finds words with it: OpenSearch's pattern tokenizer. */
export const WORD_PATTERN_SOURCE = WORD.source;

export interface WordSpan {
  /** The word as written in the text. */
  word: string;
  /** Offset of the first character in the text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export function findWords(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    spans.push({ word: match[0], start, end: start + match[0].length });
  }
  return spans;
}

/** The words of a text, without offsets: the index's tokenizer. */
export function tokenize(text: string): string[] {
  return firstWords(text, Infinity);
}

/** The first `count` words of a text (a sample is all some readers need). */
export function firstWords(text: string, count: number): string[] {
  const words: string[] = [];
  // One regular expression object per call: `lastIndex` is its state, and calls may nest.
  const pattern = new RegExp(WORD);
  let match: RegExpExecArray | null;
  while (words.length < count && (match = pattern.exec(text)) !== null) words.push(match[0]);
  return words;
}

/** How many words a text has, without making them. */
export function countWords(text: string): number {
  const pattern = new RegExp(WORD);
  let count = 0;
  while (pattern.exec(text) !== null) count += 1;
  return count;
}
