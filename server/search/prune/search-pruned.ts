import type { IndexFacts } from '../../index/index-facts.ts';
import { FACET_NAMES, type FacetName } from '../../facets/facet-fields.ts';
import { getFacetColumns } from '../../facets/facet-columns.ts';
import { selectedNumbers, tallyFacets, type FacetMissing, type FacetSelection, type FacetTallies } from '../../facets/count-facets.ts';
import type { QueryTree } from '../../query/query-tree.ts';
import { runPreparedInRange, type Match, type MatchFloor, type PreparedQuery } from '../execute-query.ts';
import { DEFAULT_RANK_OPTIONS, prepareRanks } from '../rank-matches.ts';
import { countBlocks, DEFAULT_BLOCK_BOUND_OPTIONS, type BlockBoundOptions } from './block-bounds.ts';
import { blockHoldsAny, getBlockFacetValues, sumBlockValues } from './block-facets.ts';
import { blockRange, boundQueryBlocks } from './bound-blocks.ts';
import { RankBoundHeap } from './rank-bound-heap.ts';
import { sampleOrder } from './sample-order.ts';

export interface PruneOptions extends BlockBoundOptions {
  /**
   * Totals and facet counts are exact while the matches are at most this many; past it they are
   * estimated and flagged. Default 10,000 (Elasticsearch's `track_total_hits` default). A query whose
   * rarest clause has no more postings than this never takes the pruned path.
   */
  exactTotalBound: number;
  /**
   * Blocks read together in the sample: a query whose matches are spread thin needs much of the archive
   * to find the bound's matches, and reading it a block at a time cost more in per-block set-up than
   * in postings. Default 16 (4,096 passages).
   */
  sampleBlocks: number;
  /**
   * A query the sample shows to have fewer than this many times `exactTotalBound` matches is read whole
   * instead, its counts exact: the runs read so far are the price of knowing. Default 1.25: past it the
   * page's blocks, read only for what can reach the page, cost less than the rest of the archive read
   * whole (3-word queries of 20,000 matches at x64: 24 -> 15 CPU ms).
   */
  readWholeBelow: number;
}

export const DEFAULT_PRUNE_OPTIONS: PruneOptions = { ...DEFAULT_BLOCK_BOUND_OPTIONS, exactTotalBound: 10_000, sampleBlocks: 16, readWholeBelow: 1.25 };

/** What the pruned path returns in place of every match: the best ones, the counts, and which counts are estimates. */
export interface PrunedSearch {
  /** Matches the facet selections keep, among them the `needed` best of the whole archive. */
  kept: Match[];
  total: number;
  totalIsEstimate: boolean;
  counts: FacetTallies;
  /** Per facet, the matches it was counted over that have no value (estimated where its counts are). */
  missing: FacetMissing;
  facetIsEstimate: Record<FacetName, boolean>;
}

/**
 * Runs an AND query that matches a large share of the archive without reading all of it (block-max
 * pruning over ranges of passages, `bound-blocks.ts`):
 *
 * 1. a sample: runs of blocks in bit-reversed order (`sample-order.ts`), each searched exactly, until the
 *    sample holds more than `exactTotalBound` kept matches or every block that can match is read;
 * 2. the page: the other blocks that can match, best bound first, each searched exactly, until the
 *    next block's bound (most exact clauses, highest score times the largest title factor) falls
 *    below the `needed`-th best match found: no passage of an unread block can reach the page.
 *    With facet selections, every block holding a selected passage is read instead, so the kept
 *    matches and their total are exact;
 * 3. counts: exact when every block that can add to them was read; otherwise each count found in the
 *    sample is scaled to the unread blocks by the share of the value's passages the sample read
 *    (a ratio estimate per value), and flagged.
 *
 * Returns undefined when the query is not for this path (no positive clause, a rare clause, or no
 * passage holding every clause was read: the full search decides whether it falls back to any word).
 */
export function searchPruned(prepared: PreparedQuery, tree: QueryTree, facts: IndexFacts, selection: FacetSelection, needed: number, options: Partial<PruneOptions> = {}): PrunedSearch | undefined {
  const settings = { ...DEFAULT_PRUNE_OPTIONS, ...options };
  const { index, positive } = prepared;
  if (positive.length === 0 || positive.length > 32 || positive.some((clause) => clause.cost <= settings.exactTotalBound)) return undefined;
  const allowedMissing = positive.length >= prepared.settings.oneMissingFrom ? 1 : 0;
  const blockCount = countBlocks(index, settings);
  const read = new Uint8Array(blockCount);
  // Blocks whose every match was read (counted exactly), as against read only for what can reach the page.
  const counted = new Uint8Array(blockCount);
  const sampled = new Uint8Array(blockCount);
  const searchBlock = (block: number) => {
    read[block] = 1;
    counted[block] = 1;
    return runPreparedInRange(prepared, blockRange(index, block, settings.blockSize));
  };
  // Blocks first to last, read together for what can reach the page (one range costs less than its blocks one by one).
  const searchForPage = (first: number, last: number, floor: MatchFloor) => {
    read.fill(1, first, last + 1);
    return runPreparedInRange(prepared, { from: blockRange(index, first, settings.blockSize).from, to: blockRange(index, last, settings.blockSize).to }, floor);
  };
  // A run of `sampleBlocks` blocks, read in one range from its first block that can match to its last.
  const searchRun = (run: number) => {
    const first = run * settings.sampleBlocks;
    const last = Math.min(blockCount, first + settings.sampleBlocks) - 1;
    for (let block = first; block <= last; block += 1) {
      sampled[block] = 1;
      read[block] = 1;
      counted[block] = 1;
    }
    return runPreparedInRange(prepared, { from: blockRange(index, first, settings.blockSize).from, to: blockRange(index, last, settings.blockSize).to });
  };

  // 1. The sample.
  const sampleMatches: Match[] = [];
  let sampleKept = 0;
  const selected = selectedNumbers(selection, index);
  const keeps = buildSelectionTest(selected, index);
  const hasSelection = selected.some((allowed) => allowed !== null);
  const runCount = Math.ceil(blockCount / settings.sampleBlocks);
  let runsRead = 0;
  for (const run of sampleOrder(runCount)) {
    // With selections, every block holding a selected passage is read below: the sample is only for the
    // selected facets' counts of their other values, and a fifth of the bound's matches does for those.
    if (hasSelection ? sampleMatches.length > settings.exactTotalBound / 5 : sampleKept > settings.exactTotalBound) break;
    for (const match of searchRun(run)) {
      sampleMatches.push(match);
      if (keeps(match.passage)) sampleKept += 1;
    }
    runsRead += 1;
    // A query whose matches the sample shows to be few (near the bound) costs less read whole, with its
    // counts exact: the runs read so far are the price of knowing.
    if (runsRead >= MIN_RUNS_TO_PROJECT && runsRead < runCount && sampleMatches.length * (runCount / runsRead) < settings.readWholeBelow * settings.exactTotalBound) return undefined;
  }

  // 2. The page (or, with selections, every block holding a selected passage), from the blocks' bounds.
  // When the sample read everything (a query of about the bound's size), there is nothing to bound.
  const { eligible, exactBound, scoreBound, clausesHeld } = runsRead === runCount ? NOTHING_UNREAD : boundQueryBlocks(prepared, allowedMissing, settings);
  const facetValues = getBlockFacetValues(index, settings.blockSize);
  const holdsSelected = (block: number, except?: number) =>
    selected.every((allowed, at) => allowed === null || at === except || blockHoldsAny(facetValues[FACET_NAMES[at]!], block, allowed));
  // Matches of blocks read whole (with selections), counted exactly; and of blocks read only for what
  // can reach the page (without), which are real matches but not all of their blocks'.
  const pageMatches: Match[] = [];
  const topMatches: Match[] = [];
  if (hasSelection) {
    for (let block = 0; block < blockCount; block += 1) if (eligible[block] === 1 && read[block] === 0 && holdsSelected(block)) pageMatches.push(...searchBlock(block));
  } else {
    const ranks = prepareRanks(index, tree, facts, DEFAULT_RANK_OPTIONS);
    const heap = new RankBoundHeap(Math.max(needed, DEFAULT_RANK_OPTIONS.rescoreWindow));
    for (const match of sampleMatches) heap.add(match.exactClauses, ranks.rankOf(match));
    // The most a rank can be in a block: its score bound times the coverage of the clauses it holds and
    // the largest title factor, with room for rounding (a bound adds up in another order than a score).
    const rankBound = new Float64Array(blockCount);
    const unread: number[] = [];
    for (let block = 0; block < blockCount; block += 1) {
      if (eligible[block] === 0 || read[block] === 1) continue;
      rankBound[block] = scoreBound[block]! * (ranks.coverage[clausesHeld[block]!] ?? 1) * ranks.maxTitleFactor * (1 + 1e-9);
      unread.push(block);
    }
    unread.sort((a, b) => exactBound[b]! - exactBound[a]! || rankBound[b]! - rankBound[a]! || a - b);
    // Within a block, a match whose best key is below the page's is dropped before its phrases are
    // checked, and passages missing a clause are not looked for once the page holds only full matches:
    // the block's counts are then estimated with the unread blocks'.
    const floor: MatchFloor = {
      admitsExact: (exactAtMost) => heap.admits(exactAtMost, Infinity),
      // First against the most the rank can be (any title), which turns most candidates away at the cost of a product.
      admits: (passage, score, matchedClauses, exactAtMost) =>
        heap.admits(exactAtMost, score * (ranks.coverage[matchedClauses] ?? 1) * ranks.maxTitleFactor * (1 + 1e-9)) && heap.admits(exactAtMost, ranks.rankOf({ passage, score, matchedClauses })),
    };
    // A block to read takes along its neighbours the page still admits: a query whose bounds prune
    // little reads long ranges, not thousands of blocks one by one.
    const admitted = (block: number) => block >= 0 && block < blockCount && eligible[block] === 1 && read[block] === 0 && heap.admits(exactBound[block]!, rankBound[block]!);
    for (const block of unread) {
      if (read[block] === 1) continue;
      if (!heap.admits(exactBound[block]!, rankBound[block]!)) break;
      let [first, last] = [block, block];
      while (last - first + 1 < settings.sampleBlocks && admitted(last + 1)) last += 1;
      while (last - first + 1 < settings.sampleBlocks && admitted(first - 1)) first -= 1;
      for (const match of searchForPage(first, last, floor)) {
        topMatches.push(match);
        heap.add(match.exactClauses, ranks.rankOf(match));
      }
    }
  }
  if (!sampleMatches.concat(pageMatches, topMatches).some((match) => match.matchedClauses === positive.length)) return undefined;

  // 3. The counts.
  const sample = tallyFacets(sampleMatches, selection, index);
  const page = tallyFacets(pageMatches, selection, index);
  const top = tallyFacets(topMatches, selection, index);
  // Blocks that can hold matches not all of which were read: their counts are estimated.
  const unread = new Uint8Array(blockCount);
  for (let block = 0; block < blockCount; block += 1) unread[block] = eligible[block] === 1 && counted[block] === 0 ? 1 : 0;
  const columns = getFacetColumns(index);
  const counts = {} as FacetTallies;
  const facetIsEstimate = {} as Record<FacetName, boolean>;
  FACET_NAMES.forEach((name, at) => {
    let estimate = false;
    for (let block = 0; block < blockCount && !estimate; block += 1) estimate = unread[block] === 1 && holdsSelected(block, at);
    facetIsEstimate[name] = estimate;
    const valueCount = columns[name].values.length;
    const merged = new Uint32Array(valueCount);
    const unreadPassages = estimate ? sumBlockValues(facetValues[name], unread, valueCount) : undefined;
    const sampledPassages = estimate ? sumBlockValues(facetValues[name], sampled, valueCount) : undefined;
    for (let number = 0; number < valueCount; number += 1) {
      const inSample = sample.counts[name][number]!;
      const scaled = unreadPassages === undefined || sampledPassages![number] === 0 ? 0 : (inSample * unreadPassages[number]!) / sampledPassages![number]!;
      const read = inSample + page.counts[name][number]!;
      // Never fewer than the matches found: those read for the page are real, past what the sample saw.
      merged[number] = Math.max(Math.round(read + scaled), read + top.counts[name][number]!);
    }
    counts[name] = merged;
  });
  const kept = [...sample.kept, ...page.kept, ...top.kept];
  const keptUnread = !hasSelection && unread.some((flag) => flag === 1);
  // Unread passages for each sampled one: what a count in the sample stands for beyond itself.
  let sampledCount = 0;
  let unreadCount = 0;
  for (let block = 0; block < blockCount; block += 1) {
    const { from, to } = blockRange(index, block, settings.blockSize);
    if (sampled[block] === 1) sampledCount += to - from;
    else if (unread[block] === 1) unreadCount += to - from;
  }
  const scale = sampledCount === 0 ? 0 : unreadCount / sampledCount;
  const countedKept = sample.kept.length + page.kept.length;
  const total = keptUnread ? Math.max(Math.round(countedKept + sample.kept.length * scale), kept.length) : kept.length;
  const missing = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const read = sample.missing[name] + page.missing[name];
      return [name, facetIsEstimate[name] ? Math.max(read + Math.round(sample.missing[name] * scale), read + top.missing[name]) : read + top.missing[name]];
    }),
  ) as FacetMissing;
  return { kept, total, totalIsEstimate: keptUnread, counts, missing, facetIsEstimate };
}

const NOTHING_UNREAD = { eligible: new Uint8Array(0), exactBound: new Uint8Array(0), scoreBound: new Float64Array(0), clausesHeld: new Uint8Array(0) };

/** Sample runs read before the sample's share of matches is trusted to tell a query's size. */
const MIN_RUNS_TO_PROJECT = 4;

/** Whether a passage passes every facet selection. */
function buildSelectionTest(selected: (Uint8Array | null)[], index: PreparedQuery['index']): (passage: number) => boolean {
  const columns = getFacetColumns(index);
  const tests = selected.flatMap((allowed, at) => (allowed === null ? [] : [{ allowed, valueOf: columns[FACET_NAMES[at]!].valueOf }]));
  return (passage) => tests.every(({ allowed, valueOf }) => valueOf[passage]! >= 0 && allowed[valueOf[passage]!] === 1);
}
