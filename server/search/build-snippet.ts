import type { SnippetSegment } from '../api/types.ts';
import { findWords, normalizeTerm, type WordSpan } from '../../indexer/analyzer/index.ts';

export interface SnippetOptions {
  /** Words shown around the matches. Default 30. */
  windowWords: number;
  /** Words of context kept before the first match when the window has room. Default 6. */
  leadWords: number;
}

export const DEFAULT_SNIPPET_OPTIONS: SnippetOptions = { windowWords: 30, leadWords: 6 };

const ELLIPSIS = '…';

/**
 * The part of a passage that best shows why it matched: the window of `windowWords` words holding
 * the most distinct matched terms (then the most matches, then the earliest), cut at word boundaries
 * with ellipses. Highlighted segments are exactly the words whose analyzed term matched.
 */
export function buildSnippet(text: string, matchedTerms: ReadonlySet<string>, options: Partial<SnippetOptions> = {}): SnippetSegment[] {
  const { windowWords, leadWords } = { ...DEFAULT_SNIPPET_OPTIONS, ...options };
  const words = findWords(text);
  const terms = words.map((word) => normalizeTerm(word.word));
  const isMatch = terms.map((term) => matchedTerms.has(term));

  let first = 0;
  let last = words.length;
  if (words.length > windowWords) {
    first = bestWindowStart(terms, isMatch, windowWords);
    const matchIndexes = isMatch.flatMap((match, index) => (match && index >= first && index < first + windowWords ? [index] : []));
    if (matchIndexes.length > 0) {
      const spread = matchIndexes[matchIndexes.length - 1]! - matchIndexes[0]! + 1;
      const lead = Math.min(leadWords, Math.floor((windowWords - spread) / 2));
      first = Math.max(0, Math.min(matchIndexes[0]! - lead, words.length - windowWords));
    }
    last = first + windowWords;
  }
  return toSegments(text, words, isMatch, first, last);
}

/** Slides a window over the words and returns the start of the best one. */
function bestWindowStart(terms: string[], isMatch: boolean[], size: number): number {
  const counts = new Map<string, number>();
  let distinct = 0;
  let matches = 0;
  const add = (index: number, delta: 1 | -1) => {
    if (!isMatch[index]) return;
    const term = terms[index]!;
    const count = (counts.get(term) ?? 0) + delta;
    counts.set(term, count);
    if (delta === 1 && count === 1) distinct += 1;
    if (delta === -1 && count === 0) distinct -= 1;
    matches += delta;
  };
  for (let index = 0; index < size; index += 1) add(index, 1);
  let best = { start: 0, distinct, matches };
  for (let start = 1; start + size <= terms.length; start += 1) {
    add(start - 1, -1);
    add(start + size - 1, 1);
    if (distinct > best.distinct || (distinct === best.distinct && matches > best.matches)) best = { start, distinct, matches };
  }
  return best.start;
}

function toSegments(text: string, words: WordSpan[], isMatch: boolean[], first: number, last: number): SnippetSegment[] {
  if (words.length === 0) return text === '' ? [] : [{ text, highlight: false }];
  const from = first === 0 ? 0 : words[first]!.start;
  const to = last >= words.length ? text.length : words[last - 1]!.end;
  const segments: SnippetSegment[] = [];
  const push = (piece: string, highlight: boolean) => {
    if (piece === '') return;
    const previous = segments[segments.length - 1];
    if (previous && previous.highlight === highlight) previous.text += piece;
    else segments.push({ text: piece, highlight });
  };

  push(first > 0 ? ELLIPSIS : '', false);
  let cursor = from;
  for (let index = first; index < Math.min(last, words.length); index += 1) {
    if (!isMatch[index]) continue;
    const word = words[index]!;
    push(text.slice(cursor, word.start), false);
    push(word.word, true);
    cursor = word.end;
  }
  push(text.slice(cursor, to), false);
  push(last < words.length ? ELLIPSIS : '', false);
  return segments;
}
