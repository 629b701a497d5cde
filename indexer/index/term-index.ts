/**
 * Passim's inverted index: for every analyzed term, the passages holding it and how often, per field,
 * in flat typed arrays. It is what the server searches. Typed arrays load from disk without parsing
 * (a JSON index of a large archive takes longer to parse than to search a thousand times), hold
 * millions of postings in little memory, and let a query touch only the postings of its own terms.
 */

/**
 * Counts and word positions: two bytes each where every value of the field fits (passages are cut at
 * 400 words at most, so a passage's counts and positions always do), four otherwise. At a million
 * passages that is 0.4 GB less of a server's memory than four bytes each.
 */
export type SmallCounts = Uint16Array | Uint32Array;

/** The postings of one field (`text` or `title`). */
export interface FieldPostings {
  /** `offsets[t]..offsets[t + 1]` is the range of term t's postings in `passages` and `freqs`. */
  offsets: Uint32Array;
  /** Passage numbers, ascending within each term. */
  passages: Uint32Array;
  /** How often the term occurs in that passage's field. */
  freqs: SmallCounts;
  /**
   * Word positions of each posting, `freqs[k]` of them, ascending, posting after posting: where a
   * posting's positions start is the sum of the `freqs` before it (`positionStarts`, kept in memory only).
   * Phrases are checked on them instead of re-reading passage text.
   */
  positions: SmallCounts;
  /** `positionStarts[k]` is where posting k's positions begin in `positions`; one more entry at the end. */
  positionStarts: Uint32Array;
  /** Number of terms in each passage's field. */
  lengths: Uint32Array;
  /** Mean of `lengths` over passages where the field is not empty. */
  averageLength: number;
}

export const TERM_INDEX_FIELDS = ['text', 'title'] as const;
export type TermIndexField = (typeof TERM_INDEX_FIELDS)[number];

export interface TermIndex {
  /** Passages are numbered in document order, then passage order, as in `documents.json`. */
  passageCount: number;
  /** Every analyzed term, sorted by code unit, so a prefix is a contiguous range. */
  terms: string[];
  /** For each term, how it is most often written in the corpus (`Wilmès` for `wilmes`), for completions. */
  forms: string[];
  fields: Record<TermIndexField, FieldPostings>;
}

/** Postings of a term over every field: the passages (and titles) holding it. */
export function countTermPostings(index: TermIndex, termId: number): number {
  let count = 0;
  for (const field of TERM_INDEX_FIELDS) count += index.fields[field].offsets[termId + 1]! - index.fields[field].offsets[termId]!;
  return count;
}

/** Where each posting's positions begin: the running sum of the counts. */
export function sumPositionStarts(freqs: SmallCounts): Uint32Array {
  const starts = new Uint32Array(freqs.length + 1);
  for (let k = 0; k < freqs.length; k += 1) starts[k + 1] = starts[k]! + freqs[k]!;
  return starts;
}
