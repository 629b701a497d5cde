import type { LoadedIndex } from '../../index/loaded-index.ts';
import { TERM_INDEX_FIELDS, type TermIndexField } from '../../../indexer/index/term-index.ts';
import { DEFAULT_BM25_OPTIONS, lengthNormsOf } from '../read-postings.ts';

/**
 * Block-max bounds over fixed ranges of passage numbers, as in block-max pruning (Mallia, Suel and
 * Tonellotto, "Faster Learned Sparse Retrieval with Block-Max Pruning", SIGIR 2024): the archive is cut
 * into blocks of `blockSize` consecutive passages, and for each term and block the largest BM25+ term
 * part (`δ + tf × (k1 + 1) / (tf + norm)`, the factor of a posting's gain that depends on the passage)
 * any of its postings there reaches. A query bounds a block's best score by the sum of its terms'
 * bounds times their weights, and never reads a block whose bound cannot beat the page it has.
 *
 * A document's title is indexed with its first passage, and a title match outweighs many text matches
 * of a common word: so the text bounds are kept apart for first passages and for the others, and a
 * block's bound is the larger of (others' text) and (first passages' text + title).
 *
 * Bounds are worked out from the postings on a term's first use and kept for the frequent terms (whose
 * postings cost more to read again than their bounds take); the index file is unchanged.
 */

export interface BlockBoundOptions {
  /** Passages per block. Smaller blocks bound tighter but cost more bounds per term. Default 256. */
  blockSize: number;
  /** Bounds kept in memory, in bytes, the least recently used let go first. Default 64 MB. */
  cacheBytes: number;
}

export const DEFAULT_BLOCK_BOUND_OPTIONS: BlockBoundOptions = { blockSize: 256, cacheBytes: 64 * 1024 * 1024 };

/** A term's bounds in one field: per block, over the first passages of documents and over the others. */
export interface TermBlockBounds {
  first: Float64Array;
  others: Float64Array;
}

interface BoundCache {
  blockSize: number;
  bounds: Map<string, TermBlockBounds>;
  bytes: number;
  cacheBytes: number;
}

const caches = new WeakMap<LoadedIndex, BoundCache>();

function cacheOf(index: LoadedIndex, options: BlockBoundOptions): BoundCache {
  let cache = caches.get(index);
  if (!cache || cache.blockSize !== options.blockSize) {
    cache = { blockSize: options.blockSize, bounds: new Map(), bytes: 0, cacheBytes: options.cacheBytes };
    caches.set(index, cache);
  }
  return cache;
}

/**
 * Whether a term's bounds in a field are kept once worked out: when it has at least as many postings
 * there as the index has blocks. A rarer term's bounds cost little to find again; a frequent term's
 * cost a read of all its postings. `termBlockBounds` keeps by it, `hasTermBlockBounds` and
 * `listFrequentTerms` ask it.
 */
function keepsBounds(postings: number, blocks: number): boolean {
  return postings >= blocks;
}

/** Number of blocks of the index. */
export function countBlocks(index: LoadedIndex, options: BlockBoundOptions = DEFAULT_BLOCK_BOUND_OPTIONS): number {
  return Math.ceil(index.terms.passageCount / options.blockSize);
}

/**
 * Per block, the largest BM25+ term part of the term's postings in one field (0 where the block has
 * none of them), for first passages and for the others: a posting's gain is its expansion's factor
 * (weight × boost × IDF) times this part.
 */
export function termBlockBounds(index: LoadedIndex, termId: number, field: TermIndexField, options: BlockBoundOptions = DEFAULT_BLOCK_BOUND_OPTIONS): TermBlockBounds {
  const cache = cacheOf(index, options);
  const key = `${field} ${termId}`;
  const cached = cache.bounds.get(key);
  if (cached) {
    cache.bounds.delete(key);
    cache.bounds.set(key, cached);
    return cached;
  }
  const { offsets, passages, freqs } = index.terms.fields[field];
  // The length part of BM25 per passage, the very numbers gatherPostings uses.
  const norm = lengthNormsOf(index, DEFAULT_BM25_OPTIONS)[field];
  const { k1, delta } = DEFAULT_BM25_OPTIONS;
  const k1Plus1 = k1 + 1;
  const blocks = countBlocks(index, options);
  const first = new Float64Array(blocks);
  const others = new Float64Array(blocks);
  const isFirst = firstPassageFlags(index);
  const size = options.blockSize;
  const from = offsets[termId]!;
  const to = offsets[termId + 1]!;
  for (let at = from; at < to; at += 1) {
    const passage = passages[at]!;
    const tf = freqs[at]!;
    // The same expression, in the same order, as a posting's gain in gatherPostings.
    const part = delta + (tf * k1Plus1) / (tf + norm[passage]!);
    const block = Math.floor(passage / size);
    const bounds = isFirst[passage] === 1 ? first : others;
    if (part > bounds[block]!) bounds[block] = part;
  }
  const found = { first, others };
  if (keepsBounds(to - from, blocks)) {
    cache.bounds.set(key, found);
    cache.bytes += first.byteLength * 2;
    for (const [oldKey, old] of cache.bounds) {
      if (cache.bytes <= cache.cacheBytes) break;
      cache.bounds.delete(oldKey);
      cache.bytes -= old.first.byteLength * 2;
    }
  }
  return found;
}

/**
 * Whether a term's bounds cost nothing to have: kept from before in every field that holds it, or the
 * term so rare (fewer postings than blocks) that working them out reads next to nothing.
 */
export function hasTermBlockBounds(index: LoadedIndex, termId: number, options: BlockBoundOptions = DEFAULT_BLOCK_BOUND_OPTIONS): boolean {
  const cache = cacheOf(index, options);
  const blocks = countBlocks(index, options);
  for (const field of TERM_INDEX_FIELDS) {
    const { offsets } = index.terms.fields[field];
    if (keepsBounds(offsets[termId + 1]! - offsets[termId]!, blocks) && !cache.bounds.has(`${field} ${termId}`)) return false;
  }
  return true;
}

/**
 * The terms whose bounds a server works out before it serves (warm-index.ts): the most frequent, whose
 * first query ("of the", "in a") would otherwise read every posting of each word to bound the blocks.
 * At most `count` terms, each with more postings than a block count (the ones the cache keeps).
 */
export function listFrequentTerms(index: LoadedIndex, count = WARMED_TERMS, options: BlockBoundOptions = DEFAULT_BLOCK_BOUND_OPTIONS): number[] {
  const { offsets } = index.terms.fields.text;
  const blocks = countBlocks(index, options);
  const postings = (termId: number) => offsets[termId + 1]! - offsets[termId]!;
  const termIds: number[] = [];
  for (let termId = 0; termId < index.terms.terms.length; termId += 1) if (keepsBounds(postings(termId), blocks)) termIds.push(termId);
  return termIds.sort((a, b) => postings(b) - postings(a) || a - b).slice(0, count);
}

/**
 * Terms warmed: at x64 the 256 most frequent, bounded in about a second of slices; with them the other-forms
 * groups of common words (`state`, `states`, `stated`) are bounded by summing their terms' bounds (group-bounds.ts).
 */
const WARMED_TERMS = 256;

const firstFlags = new WeakMap<LoadedIndex, Uint8Array>();

/** 1 for a document's first passage (the one indexed with its title). */
export function firstPassageFlags(index: LoadedIndex): Uint8Array {
  let flags = firstFlags.get(index);
  if (!flags) {
    flags = new Uint8Array(index.entries.length);
    for (let passage = 0; passage < flags.length; passage += 1) flags[passage] = index.entries[passage]!.passage.ordinal === 0 ? 1 : 0;
    firstFlags.set(index, flags);
  }
  return flags;
}
