import type { SnippetSegment } from '../api/types.ts';
import { findWords } from '../../indexer/analyzer/index.ts';
import type { WordHighlight } from './find-highlights.ts';
import { toWordBounds, type WordBounds } from './word-bounds.ts';

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
 * with the query term it matched. Plain text only: the client renders the marks. `bounds` are the
 * text's words (`findWords`), when the caller has them already.
 */
export function buildSnippet(text: string, highlights: readonly WordHighlight[], options: Partial<SnippetOptions> = {}, bounds: WordBounds = toWordBounds(findWords(text))): SnippetSegment[] {
  const { windowWords, leadWords } = options === DEFAULT_SNIPPET_OPTIONS ? DEFAULT_SNIPPET_OPTIONS : { ...DEFAULT_SNIPPET_OPTIONS, ...options };
  const count = bounds.starts.length;
  // Each word's label as a number (its place in `terms`), -1 for a word not highlighted.
  const labels = new Int32Array(count).fill(-1);
  const terms: string[] = [];
  for (const highlight of highlights) {
    let label = terms.indexOf(highlight.term);
    if (label === -1) label = terms.push(highlight.term) - 1;
    if (highlight.index < count) labels[highlight.index] = label;
  }

  let first = 0;
  let last = count;
  if (count > windowWords) {
    first = bestWindowStart(labels, terms.length, windowWords);
    let firstMatch = -1;
    let lastMatch = -1;
    for (let index = first; index < first + windowWords; index += 1) {
      if (labels[index]! < 0) continue;
      if (firstMatch === -1) firstMatch = index;
      lastMatch = index;
    }
    if (firstMatch !== -1) {
      const spread = lastMatch - firstMatch + 1;
      const lead = Math.min(leadWords, Math.floor((windowWords - spread) / 2));
      first = Math.max(0, Math.min(firstMatch - lead, count - windowWords));
    }
    last = first + windowWords;
  }
  return toSegments(text, bounds, labels, terms, first, last);
}

/** Slides a window over the words and returns the start of the best one. */
function bestWindowStart(labels: Int32Array, labelCount: number, size: number): number {
  const counts = new Int32Array(labelCount);
  let distinct = 0;
  let matches = 0;
  const add = (index: number, delta: 1 | -1) => {
    const label = labels[index]!;
    if (label < 0) return;
    const count = (counts[label]! += delta);
    if (delta === 1 && count === 1) distinct += 1;
    if (delta === -1 && count === 0) distinct -= 1;
    matches += delta;
  };
  for (let index = 0; index < size; index += 1) add(index, 1);
  let best = 0;
  let bestDistinct = distinct;
  let bestMatches = matches;
  for (let start = 1; start + size <= labels.length; start += 1) {
    add(start - 1, -1);
    add(start + size - 1, 1);
    if (distinct > bestDistinct || (distinct === bestDistinct && matches > bestMatches)) [best, bestDistinct, bestMatches] = [start, distinct, matches];
  }
  return best;
}

function toSegments(text: string, { starts, ends }: WordBounds, labels: Int32Array, terms: readonly string[], first: number, last: number): SnippetSegment[] {
  const count = starts.length;
  if (count === 0) return text === '' ? [] : [{ text, highlight: false }];
  const from = first === 0 ? 0 : starts[first]!;
  const to = last >= count ? text.length : ends[last - 1]!;
  const segments: SnippetSegment[] = [];
  const pushPlain = (piece: string) => {
    if (piece === '') return;
    const previous = segments[segments.length - 1];
    if (previous && !previous.highlight) previous.text += piece;
    else segments.push({ text: piece, highlight: false });
  };

  pushPlain(first > 0 ? ELLIPSIS : '');
  let cursor = from;
  for (let index = first; index < Math.min(last, count); index += 1) {
    const label = labels[index]!;
    if (label < 0) continue;
    pushPlain(text.slice(cursor, starts[index]));
    segments.push({ text: text.slice(starts[index], ends[index]), highlight: true, term: terms[label]! });
    cursor = ends[index]!;
  }
  pushPlain(text.slice(cursor, to));
  pushPlain(last < count ? ELLIPSIS : '');
  return segments;
}
