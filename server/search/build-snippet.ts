import type { SnippetSegment } from '../api/types.ts';
import { findWords, type WordSpan } from '../../indexer/analyzer/index.ts';
import type { WordHighlight } from './find-highlights.ts';

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
 * the most distinct query terms (then the most matched words, then the earliest), cut at word
 * boundaries with ellipses. Highlighted segments are exactly the highlighted words, each labelled
 * with the query term it matched. Plain text only: the client renders the marks. `words` are the text's
 * words (`findWords`), when the caller has them already.
 */
export function buildSnippet(text: string, highlights: readonly WordHighlight[], options: Partial<SnippetOptions> = {}, words: readonly WordSpan[] = findWords(text)): SnippetSegment[] {
  const { windowWords, leadWords } = options === DEFAULT_SNIPPET_OPTIONS ? DEFAULT_SNIPPET_OPTIONS : { ...DEFAULT_SNIPPET_OPTIONS, ...options };
  const labels: (string | undefined)[] = new Array(words.length).fill(undefined);
  for (const highlight of highlights) labels[highlight.index] = highlight.term;

  let first = 0;
  let last = words.length;
  if (words.length > windowWords) {
    first = bestWindowStart(labels, windowWords);
    const matchIndexes = labels.flatMap((label, index) => (label !== undefined && index >= first && index < first + windowWords ? [index] : []));
    if (matchIndexes.length > 0) {
      const spread = matchIndexes[matchIndexes.length - 1]! - matchIndexes[0]! + 1;
      const lead = Math.min(leadWords, Math.floor((windowWords - spread) / 2));
      first = Math.max(0, Math.min(matchIndexes[0]! - lead, words.length - windowWords));
    }
    last = first + windowWords;
  }
  return toSegments(text, words, labels, first, last);
}

/** Slides a window over the words and returns the start of the best one. */
function bestWindowStart(labels: (string | undefined)[], size: number): number {
  const counts = new Map<string, number>();
  let distinct = 0;
  let matches = 0;
  const add = (index: number, delta: 1 | -1) => {
    const label = labels[index];
    if (label === undefined) return;
    const count = (counts.get(label) ?? 0) + delta;
    counts.set(label, count);
    if (delta === 1 && count === 1) distinct += 1;
    if (delta === -1 && count === 0) distinct -= 1;
    matches += delta;
  };
  for (let index = 0; index < size; index += 1) add(index, 1);
  let best = { start: 0, distinct, matches };
  for (let start = 1; start + size <= labels.length; start += 1) {
    add(start - 1, -1);
    add(start + size - 1, 1);
    if (distinct > best.distinct || (distinct === best.distinct && matches > best.matches)) best = { start, distinct, matches };
  }
  return best.start;
}

function toSegments(text: string, words: readonly WordSpan[], labels: (string | undefined)[], first: number, last: number): SnippetSegment[] {
  if (words.length === 0) return text === '' ? [] : [{ text, highlight: false }];
  const from = first === 0 ? 0 : words[first]!.start;
  const to = last >= words.length ? text.length : words[last - 1]!.end;
  const segments: SnippetSegment[] = [];
  const pushPlain = (piece: string) => {
    if (piece === '') return;
    const previous = segments[segments.length - 1];
    if (previous && !previous.highlight) previous.text += piece;
    else segments.push({ text: piece, highlight: false });
  };

  pushPlain(first > 0 ? ELLIPSIS : '');
  let cursor = from;
  for (let index = first; index < Math.min(last, words.length); index += 1) {
    const term = labels[index];
    if (term === undefined) continue;
    const word = words[index]!;
    pushPlain(text.slice(cursor, word.start));
    segments.push({ text: word.word, highlight: true, term });
    cursor = word.end;
  }
  pushPlain(text.slice(cursor, to));
  pushPlain(last < words.length ? ELLIPSIS : '');
  return segments;
}
