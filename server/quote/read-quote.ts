import { findWords } from '../../indexer/analyzer/index.ts';
import { normalizeTermCached } from '../search/normalize-term-cached.ts';

/** A word of a pasted quote, with its index term and where it stands in the pasted text. */
export interface QuoteWord {
  word: string;
  term: string;
  start: number;
  end: number;
}

/** A pasted quote as the checker reads it. */
export interface ReadQuote {
  /** The text as pasted. */
  text: string;
  words: QuoteWord[];
  /**
   * `marked[k]` is true when the quote marks an omission between word k-1 and word k: an ellipsis
   * (`…`, `...`, `. . .`, `[…]`) or a `[bracketed]` insertion, which stands for the words it replaces.
   * One entry more than `words`.
   */
  marked: boolean[];
}

/** Ellipses in their usual spellings, and square-bracketed editorial insertions (`[the President]`, `[…]`, `[sic]`). */
const OMISSION_MARKS = /\[[^\]\n]{0,200}\]|…|\.(?:[ \u00A0]?\.){2,}/g;

/**
 * Reads a pasted quote with the analyzer's words: quotation marks of any kind, punctuation, case and
 * line breaks are not words, so they are never differences. Omission marks are blanked out (so the
 * offsets of the other words stay those of the pasted text) and remembered between the words.
 */
export function readQuote(text: string): ReadQuote {
  const marks: number[] = [];
  const blanked = text.replace(OMISSION_MARKS, (mark, at: number) => {
    marks.push(at);
    return ' '.repeat(mark.length);
  });
  const words: QuoteWord[] = [];
  for (const { word, start, end } of findWords(blanked)) {
    const term = normalizeTermCached(word);
    if (term !== '') words.push({ word, term, start, end });
  }
  const marked = new Array<boolean>(words.length + 1).fill(false);
  let next = 0;
  for (const at of marks) {
    while (next < words.length && words[next]!.start < at) next += 1;
    marked[next] = true;
  }
  return { text, words, marked };
}
