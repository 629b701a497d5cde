import { GrowableUint32 } from './growable-uint32.ts';

/**
 * Passim's inverted index: for every analyzed term, the passages holding it and how often, per field,
 * in flat typed arrays. It is what the server searches. Typed arrays load from disk without parsing
 * (a JSON index of a large archive takes longer to parse than to search a thousand times), hold
 * millions of postings in little memory, and let a query touch only the postings of its own terms.
 */

/** The postings of one field (`text` or `title`). */
export interface FieldPostings {
  /** `offsets[t]..offsets[t + 1]` is the range of term t's postings in `passages` and `freqs`. */
  offsets: Uint32Array;
  /** Passage numbers, ascending within each term. */
  passages: Uint32Array;
  /** How often the term occurs in that passage's field. */
  freqs: Uint32Array;
  /**
   * Word positions of each posting, `freqs[k]` of them, ascending, posting after posting: where a
   * posting's positions start is the sum of the `freqs` before it (`positionStarts`, kept in memory only).
   * Phrases are checked on them instead of re-reading passage text.
   */
  positions: Uint32Array;
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

/** A field's analyzed terms with the position (word number) each came from. */
export interface AnalyzedField {
  terms: readonly string[];
  positions: readonly number[];
}

/** The analyzed terms of one passage, per field. */
export type PassageTerms = Record<TermIndexField, AnalyzedField>;

interface TermPostings {
  /** Passage number and count, interleaved: half the arrays, better locality. */
  pairs: GrowableUint32;
  positions: GrowableUint32;
}

const NO_POSTINGS: TermPostings = { pairs: new GrowableUint32(), positions: new GrowableUint32() };

/** Counts of the written forms of each term: term -> written word -> occurrences. */
export type FormCounts = Map<string, Map<string, number>>;

/** Builds the index from each passage's analyzed terms, in passage order, and the forms counted while analyzing them. */
export function buildTermIndex(passages: Iterable<PassageTerms>, formCounts: FormCounts = new Map()): TermIndex {
  // A field's postings are made on a term's first occurrence in it: most terms never occur in a title.
  const postings = new Map<string, Partial<Record<TermIndexField, TermPostings>>>();
  const lengths: Record<TermIndexField, number[]> = { text: [], title: [] };
  let passageCount = 0;
  for (const passage of passages) {
    for (const field of TERM_INDEX_FIELDS) {
      const { terms, positions } = passage[field];
      lengths[field].push(terms.length);
      const found = new Map<string, number[]>();
      terms.forEach((term, at) => {
        const list = found.get(term);
        if (list) list.push(positions[at]!);
        else found.set(term, [positions[at]!]);
      });
      for (const [term, list] of found) {
        let entry = postings.get(term);
        if (!entry) postings.set(term, (entry = {}));
        const target = (entry[field] ??= { pairs: new GrowableUint32(), positions: new GrowableUint32() });
        target.pairs.push(passageCount);
        target.pairs.push(list.length);
        for (const position of list) target.positions.push(position);
      }
    }
    passageCount += 1;
  }
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = Object.fromEntries(
    TERM_INDEX_FIELDS.map((field) => [field, packField(terms, (term) => postings.get(term)![field] ?? NO_POSTINGS, lengths[field])]),
  ) as Record<TermIndexField, FieldPostings>;
  return { passageCount, terms, forms: terms.map((term) => mostWritten(formCounts.get(term)) ?? term), fields };
}

function mostWritten(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let times = 0;
  for (const [form, count] of counts ?? []) if (count > times) [best, times] = [form, count];
  return best;
}

function packField(terms: string[], postingsOf: (term: string) => TermPostings, lengths: number[]): FieldPostings {
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  let positionTotal = 0;
  terms.forEach((term, id) => {
    offsets[id] = total;
    total += postingsOf(term).pairs.length / 2;
    positionTotal += postingsOf(term).positions.length;
  });
  offsets[terms.length] = total;
  const passages = new Uint32Array(total);
  const freqs = new Uint32Array(total);
  const positions = new Uint32Array(positionTotal);
  let positionAt = 0;
  terms.forEach((term, id) => {
    const { pairs, positions: termPositions } = postingsOf(term);
    let at = offsets[id]!;
    for (let i = 0; i < pairs.length; i += 2, at += 1) {
      passages[at] = pairs.at(i);
      freqs[at] = pairs.at(i + 1);
    }
    positions.set(termPositions.view(), positionAt);
    positionAt += termPositions.length;
  });
  const nonEmpty = lengths.filter((length) => length > 0);
  const averageLength = nonEmpty.length === 0 ? 0 : nonEmpty.reduce((sum, length) => sum + length, 0) / nonEmpty.length;
  return { offsets, passages, freqs, positions, positionStarts: sumPositionStarts(freqs), lengths: Uint32Array.from(lengths), averageLength };
}

/** Where each posting's positions begin: the running sum of the counts. */
export function sumPositionStarts(freqs: Uint32Array): Uint32Array {
  const starts = new Uint32Array(freqs.length + 1);
  for (let k = 0; k < freqs.length; k += 1) starts[k + 1] = starts[k]! + freqs[k]!;
  return starts;
}
