/**
 * Word boundaries for every part of Passim: the index, the query and the snippet highlighter all see
 * the same words at the same offsets.
 *
 * A word is a run of letters, digits and combining marks; an apostrophe (straight or curly) between two
 * such runs stays inside the word ("Coalition's", "today’s"). Everything else separates words:
 * spaces of any kind (including non-breaking ones), punctuation, hyphens and dashes.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;

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

/** The words of a text, without offsets: MiniSearch's `tokenize`. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}
