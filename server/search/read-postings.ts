/**
 * Reading the term index's postings: gathering a term group's postings with their BM25+ gains,
 * counting them, and asking whether a passage holds a term or a phrase.
 */
import type { LoadedIndex } from '../index/loaded-index.ts';
import { countTermPostings, TERM_INDEX_FIELDS, type SmallCounts, type TermIndexField } from '../../indexer/index/term-index.ts';
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

/** The postings of a group of expansions, both fields, with their BM25+ gains: filled by `gatherPostings`, reused between calls. */
export interface GatheredPostings {
  count: number;
  passages: Uint32Array;
  gains: Float64Array;
  /** 1 where the posting is of an exact expansion (the very word). */
  exact: Uint8Array;
}

export function createGatheredPostings(): GatheredPostings {
  return { count: 0, passages: new Uint32Array(1024), gains: new Float64Array(1024), exact: new Uint8Array(1024) };
}

/** `k1 × (1 − b + b × length / average length)` per passage and field: the length part of BM25, computed once per index. */
const lengthNorms = new WeakMap<LoadedIndex, Record<(typeof TERM_INDEX_FIELDS)[number], Float64Array>>();

export function lengthNormsOf(index: LoadedIndex, bm25: Bm25Options): Record<(typeof TERM_INDEX_FIELDS)[number], Float64Array> {
  const cached = bm25 === DEFAULT_BM25_OPTIONS ? lengthNorms.get(index) : undefined;
  if (cached) return cached;
  const norms = Object.fromEntries(
    TERM_INDEX_FIELDS.map((field) => {
      const { lengths, averageLength } = index.terms.fields[field];
      // A plain loop: Float64Array.from with a map function goes through the iterator, 175 ms for both fields at x64.
      const norm = new Float64Array(lengths.length);
      for (let passage = 0; passage < lengths.length; passage += 1) norm[passage] = bm25.k1 * (1 - bm25.b + (bm25.b * lengths[passage]!) / averageLength);
      return [field, norm];
    }),
  ) as Record<(typeof TERM_INDEX_FIELDS)[number], Float64Array>;
  if (bm25 === DEFAULT_BM25_OPTIONS) lengthNorms.set(index, norms);
  return norms;
}

/**
 * Every posting of the expansions in both fields with its BM25+ contribution, written into `into`
 * (grown when needed): the caller loops over plain typed arrays, so AND, OR and exclusion passes
 * share the scoring and nothing is allocated or called per posting.
 */
/** Passages `from` (included) to `to` (excluded), by number: a slice of the archive to search alone. */
export interface PassageRange {
  from: number;
  to: number;
}

/**
 * Passages stamped `from` to `to` (inclusive) in `stamp`: a pass that only adds to passages an earlier
 * pass listed skips the others' postings before working out their gains.
 */
export interface StampFilter {
  stamp: Uint32Array;
  from: number;
  to: number;
}

export function gatherPostings(index: LoadedIndex, expansions: readonly Expansion[], boosts: FieldBoosts, into: GatheredPostings, bm25: Bm25Options = DEFAULT_BM25_OPTIONS, range?: PassageRange, only?: StampFilter): GatheredPostings {
  makeRoom(into, countPostings(index, expansions));
  const { passages: outPassages, gains, exact: outExact } = into;
  const k1Plus1 = bm25.k1 + 1;
  const { delta } = bm25;
  let count = 0;
  for (const { passages, freqs, norm, from, to, factor, exact } of listPostings(index, expansions, boosts, bm25, range)) {
    const isExact = exact ? 1 : 0;
    for (let at = from; at < to; at += 1) {
      const passage = passages[at]!;
      if (only && (only.stamp[passage]! < only.from || only.stamp[passage]! > only.to)) continue;
      const tf = freqs[at]!;
      outPassages[count] = passage;
      gains[count] = factor * (delta + (tf * k1Plus1) / (tf + norm[passage]!));
      outExact[count] = isExact;
      count += 1;
    }
  }
  into.count = count;
  return into;
}

/**
 * The passages of every posting of the expansions in both fields, in `gatherPostings`' order, without
 * their gains: for listing candidates, when the gains are added in a later pass.
 */
export function gatherPassages(index: LoadedIndex, expansions: readonly Expansion[], into: GatheredPostings, range?: PassageRange): GatheredPostings {
  makeRoom(into, countPostings(index, expansions));
  const outPassages = into.passages;
  let count = 0;
  for (const field of TERM_INDEX_FIELDS) {
    const { offsets, passages } = index.terms.fields[field];
    for (const { termId } of expansions) {
      const start = offsets[termId]!;
      const end = offsets[termId + 1]!;
      const from = range === undefined ? start : seek(passages, start, end, range.from);
      const to = range === undefined ? end : seek(passages, from, end, range.to);
      outPassages.set(passages.subarray(from, to), count);
      count += to - from;
    }
  }
  into.count = count;
  return into;
}

/**
 * A term group's postings looked up passage by passage, for passages asked for in ascending order (a
 * cursor per term and field gallops forward): `probe` adds the passage's gains to `score` in
 * `gatherPostings`' order, so the sum is the very number a gathering pass makes. For a few candidates
 * against a long list, a look-up each costs less than reading the list.
 */
export interface PostingProbe {
  /** `score` plus the passage's gains; `found` and `exact` then tell whether it has postings, and of an exact expansion. */
  probe(passage: number, score: number): number;
  found: boolean;
  exact: boolean;
}

export function createPostingProbe(index: LoadedIndex, expansions: readonly Expansion[], boosts: FieldBoosts, range?: PassageRange, bm25: Bm25Options = DEFAULT_BM25_OPTIONS, fields: readonly TermIndexField[] = TERM_INDEX_FIELDS): PostingProbe {
  const k1Plus1 = bm25.k1 + 1;
  const { delta } = bm25;
  const lists = listPostings(index, expansions, boosts, bm25, range, fields).filter(({ from, to }) => from < to);
  const cursors = Int32Array.from(lists, (list) => list.from);
  let previous = -1;
  const probe: PostingProbe = {
    found: false,
    exact: false,
    probe(passage, score) {
      if (passage < previous) for (let at = 0; at < lists.length; at += 1) cursors[at] = lists[at]!.from;
      previous = passage;
      let sum = score;
      probe.found = false;
      probe.exact = false;
      for (let at = 0; at < lists.length; at += 1) {
        const { passages, freqs, norm, to: end, factor, exact } = lists[at]!;
        const position = seek(passages, cursors[at]!, end, passage);
        cursors[at] = position;
        if (position >= end || passages[position] !== passage) continue;
        const tf = freqs[position]!;
        sum += factor * (delta + (tf * k1Plus1) / (tf + norm[passage]!));
        probe.found = true;
        if (exact) probe.exact = true;
      }
      return sum;
    },
  };
  return probe;
}

/** One expansion's postings in one field, within a range: where they lie and the factor of their gains. */
export interface PostingList {
  passages: Uint32Array;
  freqs: SmallCounts;
  /** The length part of BM25 per passage, in this field. */
  norm: Float64Array;
  from: number;
  to: number;
  /** weight × field boost × IDF: a posting's gain is this times its BM25+ term part. */
  factor: number;
  exact: boolean;
}

/** The expansions' posting lists in both fields, field by field, in the order `gatherPostings` reads them (empty ones left out). */
export function listPostings(index: LoadedIndex, expansions: readonly Expansion[], boosts: FieldBoosts, bm25: Bm25Options, range?: PassageRange, fields: readonly TermIndexField[] = TERM_INDEX_FIELDS): PostingList[] {
  const total = index.terms.passageCount;
  const norms = lengthNormsOf(index, bm25);
  const lists: PostingList[] = [];
  for (const field of fields) {
    const { offsets, passages, freqs } = index.terms.fields[field];
    for (const { termId, weight, exact } of expansions) {
      const start = offsets[termId]!;
      const end = offsets[termId + 1]!;
      if (start === end) continue;
      const frequency = end - start;
      // Within a range, only the postings of its passages (postings are sorted by passage).
      const from = range === undefined ? start : seek(passages, start, end, range.from);
      const to = range === undefined ? end : seek(passages, from, end, range.to);
      const factor = weight * boosts[field] * Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
      lists.push({ passages, freqs, norm: norms[field], from, to, factor, exact });
    }
  }
  return lists;
}

/** Grows the arrays of `into`, together, to hold `needed` postings. */
function makeRoom(into: GatheredPostings, needed: number): void {
  if (needed <= into.passages.length) return;
  const size = Math.max(needed, into.passages.length * 2);
  into.passages = new Uint32Array(size);
  into.gains = new Float64Array(size);
  into.exact = new Uint8Array(size);
}

/** Number of postings the expansions hold: the cost of visiting them, to order clauses rarest first. */
export function countPostings(index: LoadedIndex, expansions: readonly Expansion[]): number {
  return expansions.reduce((count, { termId }) => count + countTermPostings(index.terms, termId), 0);
}

/** Whether a passage holds one of the expansions, by binary search in their sorted postings. */
export function passageHasAny(index: LoadedIndex, expansions: readonly Expansion[], passage: number, onlyExact = false): boolean {
  for (const field of TERM_INDEX_FIELDS) {
    const { offsets, passages } = index.terms.fields[field];
    for (const { termId, exact } of expansions) {
      if (onlyExact && !exact) continue;
      if (findPosting(passages, offsets[termId]!, offsets[termId + 1]!, passage) >= 0) return true;
    }
  }
  return false;
}

/** How many times a passage's text holds the expansions' terms, all together: the sum of their term frequencies there. */
export function countInPassageText(index: LoadedIndex, expansions: readonly Expansion[], passage: number): number {
  const { freqs } = index.terms.fields.text;
  let count = 0;
  for (const { termId } of expansions) {
    const posting = findTextPosting(index, termId, passage);
    if (posting >= 0) count += freqs[posting]!;
  }
  return count;
}

/** Where a term's posting for a passage sits in the text field's postings, or -1 when the passage's text lacks it. */
export function findTextPosting(index: LoadedIndex, termId: number, passage: number): number {
  const { offsets, passages } = index.terms.fields.text;
  return findPosting(passages, offsets[termId]!, offsets[termId + 1]!, passage);
}

/**
 * Where `wanted` sits in `values[from..to)`, sorted ascending, or -1: a term's posting for a passage
 * among its passages, or a word position among a posting's positions.
 */
function findPosting(values: SmallCounts, from: number, to: number, wanted: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = values[middle]!;
    if (value === wanted) return middle;
    if (value < wanted) low = middle + 1;
    else high = middle;
  }
  return -1;
}

/**
 * The one walk of phrase positions over the index: calls `found` with each word position of a
 * passage's text where the terms stand side by side, in order, given each term's posting for that
 * passage in the text field (`postings[i]`, as `findTextPosting` finds it); stops when `found` returns
 * false. The same test as analyzing the text word by word (find-phrase.ts, kept as the tests' oracle),
 * without reading the text.
 */
export function walkPhraseStarts(index: LoadedIndex, postings: ArrayLike<number>, found: (start: number) => boolean | void): void {
  const { positions, positionStarts } = index.terms.fields.text;
  for (let at = nextPhraseStart(index, postings, positionStarts[postings[0]!]!); at >= 0; at = nextPhraseStart(index, postings, at + 1)) {
    if (found(positions[at]!) === false) return;
  }
}

/** Where, from `at` on among the first term's positions, the next phrase start lies (an index into the positions), or -1. */
function nextPhraseStart(index: LoadedIndex, postings: ArrayLike<number>, at: number): number {
  const { positions, positionStarts } = index.terms.fields.text;
  const first = postings[0]!;
  for (; at < positionStarts[first + 1]!; at += 1) {
    const start = positions[at]!;
    let all = true;
    for (let i = 1; i < postings.length && all; i += 1) {
      const posting = postings[i]!;
      all = findPosting(positions, positionStarts[posting]!, positionStarts[posting + 1]!, start + i) >= 0;
    }
    if (all) return at;
  }
  return -1;
}

/** Whether a phrase walk finds a start at all (no callback: it runs for every candidate of a phrase). */
export function hasPhraseStart(index: LoadedIndex, postings: ArrayLike<number>): boolean {
  return nextPhraseStart(index, postings, index.terms.fields.text.positionStarts[postings[0]!]!) >= 0;
}

/** Each term's posting for a passage in the text field, or undefined when one of them is not there. */
export function findTextPostings(index: LoadedIndex, termIds: readonly number[], passage: number): number[] | undefined {
  const postings: number[] = [];
  for (const termId of termIds) {
    const posting = findTextPosting(index, termId, passage);
    if (posting < 0) return undefined;
    postings.push(posting);
  }
  return postings;
}

/** Whether a passage's text holds the terms side by side, in this order, read from the positions in the index. */
export function passageHasPhrase(index: LoadedIndex, termIds: readonly number[], passage: number): boolean {
  const postings = findTextPostings(index, termIds, passage);
  return postings !== undefined && hasPhraseStart(index, postings);
}

/** The first place in `values[at..to)`, sorted ascending, holding `wanted` or more (`to` if none): galloping from `at`, for cursors that move forward. */
export function seek(values: Uint32Array, at: number, to: number, wanted: number): number {
  if (at >= to || values[at]! >= wanted) return at;
  let low = at;
  let step = 1;
  while (low + step < to && values[low + step]! < wanted) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, to);
  low += 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < wanted) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `passageHasPhrase` for one phrase and many passages: each term's postings are walked with a cursor
 * while the passages asked for go up (as when they are read from postings), instead of a binary search
 * from scratch per passage and term.
 */
export function createPhraseCheck(index: LoadedIndex, termIds: readonly number[]): (passage: number) => boolean {
  const { offsets, passages } = index.terms.fields.text;
  const starts = termIds.map((termId) => offsets[termId]!);
  const ends = termIds.map((termId) => offsets[termId + 1]!);
  const cursors = Int32Array.from(starts);
  let previous = -1;
  return (passage) => {
    if (passage < previous) cursors.set(starts);
    previous = passage;
    for (let i = 0; i < cursors.length; i += 1) {
      const at = seek(passages, cursors[i]!, ends[i]!, passage);
      cursors[i] = at;
      if (at >= ends[i]! || passages[at] !== passage) return false;
    }
    return hasPhraseStart(index, cursors);
  };
}

/** Word positions in a passage's text of any of the expansions, ascending (duplicates removed). */
export function passagePositions(index: LoadedIndex, expansions: readonly Expansion[], passage: number): number[] {
  const { offsets, passages, positions, positionStarts } = index.terms.fields.text;
  const found: number[] = [];
  for (const { termId } of expansions) {
    const posting = findPosting(passages, offsets[termId]!, offsets[termId + 1]!, passage);
    if (posting < 0) continue;
    for (let at = positionStarts[posting]!; at < positionStarts[posting + 1]!; at += 1) found.push(positions[at]!);
  }
  if (expansions.length > 1) found.sort((a, b) => a - b);
  return found.filter((position, at) => at === 0 || found[at - 1] !== position);
}

/** Passages whose title field holds any of the expansions (a document's first passage carries its title). */
export function passagesWithTitleTerm(index: LoadedIndex, expansions: readonly Expansion[]): Set<number> {
  const { offsets, passages } = index.terms.fields.title;
  const found = new Set<number>();
  for (const { termId } of expansions) for (let at = offsets[termId]!; at < offsets[termId + 1]!; at += 1) found.add(passages[at]!);
  return found;
}
