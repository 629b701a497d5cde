import type { LoadedIndex } from '../index/load-index.ts';
import { TERM_INDEX_FIELDS } from '../../indexer/index/term-index.ts';
import type { Expansion } from './term-lookup.ts';

export interface Bm25Options {
  /** Term-frequency saturation. Default 1.2. */
  k1: number;
  /** Length normalization. Default 0.7. */
  b: number;
  /** BM25+ floor for any occurrence, so long passages are not pushed below 0 gain. Default 0.5. */
  delta: number;
}

export const DEFAULT_BM25_OPTIONS: Bm25Options = { k1: 1.2, b: 0.7, delta: 0.5 };

/** Field weights: a title match lifts a document's first passage. */
export type FieldBoosts = Record<(typeof TERM_INDEX_FIELDS)[number], number>;

/**
 * Visits every posting of the expansions in both fields with its BM25+ contribution. The callback
 * gets the passage number and the score; the caller decides what to accumulate, so AND, OR and
 * exclusion passes share one loop over the postings and allocate nothing per posting.
 */
export function visitPostings(
  index: LoadedIndex,
  expansions: readonly Expansion[],
  boosts: FieldBoosts,
  visit: (passage: number, score: number) => void,
  bm25: Bm25Options = DEFAULT_BM25_OPTIONS,
): void {
  const total = index.terms.passageCount;
  for (const field of TERM_INDEX_FIELDS) {
    const boost = boosts[field];
    const { offsets, passages, freqs, lengths, averageLength } = index.terms.fields[field];
    for (const { termId, weight } of expansions) {
      const from = offsets[termId]!;
      const to = offsets[termId + 1]!;
      if (from === to) continue;
      const frequency = to - from;
      const idf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
      const factor = weight * boost * idf;
      for (let at = from; at < to; at += 1) {
        const passage = passages[at]!;
        const tf = freqs[at]!;
        const norm = 1 - bm25.b + (bm25.b * lengths[passage]!) / averageLength;
        visit(passage, factor * (bm25.delta + (tf * (bm25.k1 + 1)) / (tf + bm25.k1 * norm)));
      }
    }
  }
}

/** Number of postings the expansions hold: the cost of visiting them, to order clauses rarest first. */
export function countPostings(index: LoadedIndex, expansions: readonly Expansion[]): number {
  let count = 0;
  for (const field of TERM_INDEX_FIELDS) {
    const { offsets } = index.terms.fields[field];
    for (const { termId } of expansions) count += offsets[termId + 1]! - offsets[termId]!;
  }
  return count;
}

/** Whether a passage holds one of the expansions, by binary search in their sorted postings. */
export function passageHasAny(index: LoadedIndex, expansions: readonly Expansion[], passage: number, onlyExact = false): boolean {
  for (const field of TERM_INDEX_FIELDS) {
    const { offsets, passages } = index.terms.fields[field];
    for (const { termId, exact } of expansions) {
      if (onlyExact && !exact) continue;
      let low = offsets[termId]!;
      let high = offsets[termId + 1]!;
      while (low < high) {
        const middle = (low + high) >>> 1;
        const value = passages[middle]!;
        if (value === passage) return true;
        if (value < passage) low = middle + 1;
        else high = middle;
      }
    }
  }
  return false;
}
