import type { LoadedIndex } from '../index/loaded-index.ts';
import { findTermId } from '../search/term-lookup.ts';

/** A run of neighbouring passages of one document where a quote may stand: `first`..`last` (inclusive) are passage numbers. */
export interface QuoteWindow {
  first: number;
  last: number;
  /** How much of the quote's weight the run's best pair of neighbours holds. */
  weight: number;
}

export interface QuoteWindowOptions {
  /** Pairs of neighbouring passages kept as candidates, the heaviest first. Default 12. */
  candidates: number;
  /** Words of context a window takes beyond its pair on each side, besides a third of the quote's length. Default 40. */
  marginWords: number;
  /**
   * Pairs weighing less than this share of the heaviest are dropped: they hold too little of the quote
   * to be its place or to hold the same words. Default 0.5.
   */
  minWeightShare: number;
}

export const DEFAULT_QUOTE_WINDOW_OPTIONS: QuoteWindowOptions = { candidates: 12, marginWords: 40, minWeightShare: 0.5 };

/**
 * The runs of passages most likely to hold a quote, from the term index: each passage scores the
 * inverse document frequency of the quote's words it holds (a word counted as often as the quote
 * has it), and a quote that crosses a passage boundary is split between two neighbours, so candidates
 * are pairs of neighbours scored together. Each pair is widened by passages on both sides, enough for
 * a quote that starts before it or runs past it, and overlapping windows are merged.
 */
export function findQuoteWindows(index: LoadedIndex, terms: readonly string[], options: Partial<QuoteWindowOptions> = {}): QuoteWindow[] {
  const { candidates, marginWords, minWeightShare } = { ...DEFAULT_QUOTE_WINDOW_OPTIONS, ...options };
  const { passageCount, fields } = index.terms;
  const { offsets, passages, freqs } = fields.text;
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);

  const scores = new Float64Array(passageCount);
  const touched: number[] = [];
  for (const [term, count] of counts) {
    const termId = findTermId(index, term);
    if (termId === undefined) continue;
    const from = offsets[termId]!;
    const to = offsets[termId + 1]!;
    if (to === from) continue;
    const idf = Math.log(1 + passageCount / (to - from));
    for (let k = from; k < to; k += 1) {
      const passage = passages[k]!;
      if (scores[passage] === 0) touched.push(passage);
      scores[passage] = scores[passage]! + idf * Math.min(count, freqs[k]!);
    }
  }

  const sameDocument = (a: number, b: number) => b < index.entries.length && index.entries[a]!.document === index.entries[b]!.document;
  // The pair starting at each touched passage and the pair ending there, the heaviest `candidates` kept in order.
  const best: [number, number][] = [];
  const considered = new Uint8Array(passageCount);
  const consider = (passage: number) => {
    if (considered[passage] === 1) return;
    considered[passage] = 1;
    const weight = scores[passage]! + (sameDocument(passage, passage + 1) ? scores[passage + 1]! : 0);
    if (best.length === candidates && weight <= best[best.length - 1]![1]) return;
    let at = best.length;
    while (at > 0 && best[at - 1]![1] < weight) at -= 1;
    best.splice(at, 0, [passage, weight]);
    if (best.length > candidates) best.pop();
  };
  for (const passage of touched) {
    consider(passage);
    if (passage > 0 && sameDocument(passage - 1, passage)) consider(passage - 1);
  }

  const reach = marginWords + Math.ceil(terms.length / 3);
  const heaviest = best[0]?.[1] ?? 0;
  const windows = best.filter(([, weight]) => weight >= minWeightShare * heaviest).map(([passage, weight]): QuoteWindow => {
    let first = passage;
    let last = sameDocument(passage, passage + 1) ? passage + 1 : passage;
    for (let words = 0; words < reach && first > 0 && sameDocument(first - 1, first); ) words += index.entries[--first]!.passage.wordCount;
    for (let words = 0; words < reach && sameDocument(last, last + 1); ) words += index.entries[++last]!.passage.wordCount;
    return { first, last, weight };
  });
  return mergeOverlapping(windows);
}

/** Windows that share a passage become one, with the larger weight; the heaviest first. */
function mergeOverlapping(windows: QuoteWindow[]): QuoteWindow[] {
  const byStart = [...windows].sort((a, b) => a.first - b.first);
  const merged: QuoteWindow[] = [];
  for (const window of byStart) {
    const previous = merged[merged.length - 1];
    if (previous && window.first <= previous.last) {
      previous.last = Math.max(previous.last, window.last);
      previous.weight = Math.max(previous.weight, window.weight);
    } else merged.push({ ...window });
  }
  return merged.sort((a, b) => b.weight - a.weight);
}
