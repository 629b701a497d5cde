import type { LoadedIndex } from '../../index/loaded-index.ts';
import { countTermPostings, TERM_INDEX_FIELDS } from '../../../indexer/index/term-index.ts';
import { createGatheredPostings, gatherPostings, type FieldBoosts } from '../read-postings.ts';
import type { Expansion } from '../term-lookup.ts';
import { countBlocks, firstPassageFlags, hasTermBlockBounds, termBlockBounds, type BlockBoundOptions } from './block-bounds.ts';

/** What a group of expansions (one word of the query) adds at most to a passage's score, per block. */
export interface GroupBlockBounds {
  /** To a document's first passage (text and title). */
  first: Float64Array;
  /** To any other passage. */
  others: Float64Array;
  /** 1 where the block holds a posting of an exact expansion (the very word). */
  exactHeld: Uint8Array;
}

interface GroupCache {
  blockSize: number;
  /** Per-passage sums while a group is bounded, stamped so nothing is cleared between groups. */
  sums: Float64Array;
  stamps: Uint32Array;
  epoch: number;
  groups: Map<string, GroupBlockBounds>;
}

const caches = new WeakMap<LoadedIndex, GroupCache>();
/** Groups bounded exactly and kept, the least recently used let go first: a word typed again costs nothing. */
const KEPT_GROUPS = 256;

/**
 * Per-block bounds of a group's contribution to a score. One expansion: its cached term bounds times its
 * factor (block-bounds.ts). Several (a typed word and its completions, other forms, near spellings):
 * summing each expansion's block bound assumes a passage holds every completion at its best, which for
 * a typed word's 50 completions is far above any passage and prunes nothing; so the group's postings
 * are read once, each passage's sum over the group worked out as gatherPostings does, and the block
 * bound is the largest sum in the block. Kept per group.
 */
export function boundGroupBlocks(index: LoadedIndex, group: readonly Expansion[], boosts: FieldBoosts, options: BlockBoundOptions): GroupBlockBounds {
  const blockCount = countBlocks(index, options);
  if (group.length === 1) return boundOneTerm(index, group[0]!, boosts, options, blockCount);
  if (group.length <= SUMMED_GROUP && summingReadsLittle(index, group, options)) return sumTermBounds(index, group, boosts, options, blockCount);
  let cache = caches.get(index);
  if (!cache || cache.blockSize !== options.blockSize) {
    const passageCount = index.terms.passageCount;
    cache = { blockSize: options.blockSize, sums: new Float64Array(passageCount), stamps: new Uint32Array(passageCount), epoch: 0, groups: new Map() };
    caches.set(index, cache);
  }
  const key = `${boosts.text} ${boosts.title} ${group.map(({ termId, weight, exact }) => `${termId}:${weight}${exact ? '!' : ''}`).join(' ')}`;
  const cached = cache.groups.get(key);
  if (cached) {
    cache.groups.delete(key);
    cache.groups.set(key, cached);
    return cached;
  }
  const { sums, stamps } = cache;
  cache.epoch += 1;
  if (cache.epoch === 0xffffffff) {
    stamps.fill(0);
    cache.epoch = 1;
  }
  const epoch = cache.epoch;
  const { count, passages, gains, exact } = gatherPostings(index, group, boosts, scratchPostings);
  const exactHeld = new Uint8Array(blockCount);
  for (let k = 0; k < count; k += 1) {
    const passage = passages[k]!;
    if (stamps[passage] === epoch) sums[passage]! += gains[k]!;
    else {
      stamps[passage] = epoch;
      sums[passage] = gains[k]!;
    }
    if (exact[k] === 1) exactHeld[Math.floor(passage / options.blockSize)] = 1;
  }
  const first = new Float64Array(blockCount);
  const others = new Float64Array(blockCount);
  const isFirst = firstPassageFlags(index);
  for (let k = 0; k < count; k += 1) {
    const passage = passages[k]!;
    const block = Math.floor(passage / options.blockSize);
    const bounds = isFirst[passage] === 1 ? first : others;
    if (sums[passage]! > bounds[block]!) bounds[block] = sums[passage]!;
  }
  const found = { first, others, exactHeld };
  cache.groups.set(key, found);
  if (cache.groups.size > KEPT_GROUPS) cache.groups.delete(cache.groups.keys().next().value!);
  return found;
}

const scratchPostings = createGatheredPostings();

/**
 * A group this small whose terms' bounds are worked out, or cost little to work out next to its
 * postings (the frequent terms are bounded when the index is served; see summingReadsLittle), is
 * bounded by the sum of its terms' bounds: looser than the
 * exact pass (a passage holding `state` and `states` is taken to hold both at their best), never below
 * it, and free, where the exact pass reads every posting of `state`, `states` and `stated` on the
 * group's first use.
 */
const SUMMED_GROUP = 6;

/**
 * Whether summing reads little: the postings of the group's terms whose bounds are not worked out yet
 * (each read once to bound it, then kept) are at most a quarter of the group's, all of which the exact
 * pass reads. At x64 `state` and `states` (415,552 postings) are bounded at warm-up and `stated`
 * (10,368) is not: `state states stated` is summed, reading `stated` once.
 */
function summingReadsLittle(index: LoadedIndex, group: readonly Expansion[], options: BlockBoundOptions): boolean {
  let unbounded = 0;
  let all = 0;
  for (const { termId } of group) {
    const postings = countTermPostings(index.terms, termId);
    all += postings;
    if (!hasTermBlockBounds(index, termId, options)) unbounded += postings;
  }
  return unbounded * 4 <= all;
}

function sumTermBounds(index: LoadedIndex, group: readonly Expansion[], boosts: FieldBoosts, options: BlockBoundOptions, blockCount: number): GroupBlockBounds {
  const first = new Float64Array(blockCount);
  const others = new Float64Array(blockCount);
  const exactHeld = new Uint8Array(blockCount);
  for (const expansion of group) {
    const one = boundOneTerm(index, expansion, boosts, options, blockCount);
    for (let block = 0; block < blockCount; block += 1) {
      first[block]! += one.first[block]!;
      others[block]! += one.others[block]!;
      if (one.exactHeld[block] === 1) exactHeld[block] = 1;
    }
  }
  return { first, others, exactHeld };
}

function boundOneTerm(index: LoadedIndex, { termId, weight, exact }: Expansion, boosts: FieldBoosts, options: BlockBoundOptions, blockCount: number): GroupBlockBounds {
  const first = new Float64Array(blockCount);
  const others = new Float64Array(blockCount);
  const exactHeld = new Uint8Array(blockCount);
  const total = index.terms.passageCount;
  for (const field of TERM_INDEX_FIELDS) {
    const { offsets } = index.terms.fields[field];
    const frequency = offsets[termId + 1]! - offsets[termId]!;
    if (frequency === 0) continue;
    // The factor of the term's gains in this field, as gatherPostings works it out.
    const factor = weight * boosts[field] * Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
    const bounds = termBlockBounds(index, termId, field, options);
    for (let block = 0; block < blockCount; block += 1) {
      if (bounds.first[block] === 0 && bounds.others[block] === 0) continue;
      first[block]! += factor * bounds.first[block]!;
      others[block]! += factor * bounds.others[block]!;
      if (exact) exactHeld[block] = 1;
    }
  }
  return { first, others, exactHeld };
}
