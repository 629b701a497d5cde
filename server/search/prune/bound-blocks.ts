import type { LoadedIndex } from '../../index/loaded-index.ts';
import type { PreparedClause, PreparedQuery } from '../execute-query.ts';
import { countBlocks, DEFAULT_BLOCK_BOUND_OPTIONS, type BlockBoundOptions } from './block-bounds.ts';
import { boundGroupBlocks } from './group-bounds.ts';

/** What a query can find in each block, at most: which blocks can hold a match, and the best key a match there can have. */
export interface QueryBlockBounds {
  blockCount: number;
  /** 1 where the block holds postings of enough clauses for a match (every clause, or all but one where one may miss). */
  eligible: Uint8Array;
  /** Most clauses a match in the block can hold with the very word: ranking's first key. */
  exactBound: Uint8Array;
  /** Most a match's score can be in the block (before coverage, title and proximity factors). */
  scoreBound: Float64Array;
  /** Clauses with postings in the block: a match there holds at most that many. */
  clausesHeld: Uint8Array;
}

/** A clause whose postings alone say whether a passage holds it with the very word (as execute-query.ts). */
const isPlain = (clause: PreparedClause) => !clause.needsCheck && clause.groups.length === 1;

/**
 * Bounds per block for a prepared query: a passage's score is the sum of what each group of
 * expansions (a word with its other forms, completions, near spellings) adds to it, so a block's
 * bound is the sum of its groups' bounds (group-bounds.ts), for first passages and for the others.
 */
export function boundQueryBlocks(prepared: PreparedQuery, allowedMissing: number, options: Partial<BlockBoundOptions> = {}): QueryBlockBounds {
  const settings = { ...DEFAULT_BLOCK_BOUND_OPTIONS, ...options };
  const { index, positive, boosts } = prepared;
  const blockCount = countBlocks(index, settings);
  const scoreBound = new Float64Array(blockCount);
  const exactBound = new Uint8Array(blockCount);
  const clausesHeld = new Uint8Array(blockCount);
  // Per clause, what its groups add in each block to a first passage (text and title) and to another passage (text).
  const firstSum = new Float64Array(blockCount);
  const othersSum = new Float64Array(blockCount);
  const exactHeld = new Uint8Array(blockCount);
  const clauseHeld = new Uint8Array(blockCount);
  for (const clause of positive) {
    clauseHeld.fill(1);
    exactHeld.fill(0);
    for (const group of clause.groups) {
      const bounds = boundGroupBlocks(index, group, boosts, settings);
      for (let block = 0; block < blockCount; block += 1) {
        const onFirst = bounds.first[block]!;
        const onOthers = bounds.others[block]!;
        if (onFirst === 0 && onOthers === 0) clauseHeld[block] = 0;
        firstSum[block]! += onFirst;
        othersSum[block]! += onOthers;
        if (bounds.exactHeld[block] === 1) exactHeld[block] = 1;
      }
    }
    // A phrase, or an OR holding one, counts as exact whenever it holds (execute-query.ts).
    const exactWhenHeld = !isPlain(clause);
    for (let block = 0; block < blockCount; block += 1) {
      if (clauseHeld[block] === 0) continue;
      clausesHeld[block]! += 1;
      if (exactWhenHeld || exactHeld[block] === 1) exactBound[block]! += 1;
    }
  }
  for (let block = 0; block < blockCount; block += 1) scoreBound[block] = Math.max(firstSum[block]!, othersSum[block]!);
  const eligible = new Uint8Array(blockCount);
  const needed = positive.length - allowedMissing;
  for (let block = 0; block < blockCount; block += 1) eligible[block] = clausesHeld[block]! >= needed ? 1 : 0;
  return { blockCount, eligible, exactBound, scoreBound, clausesHeld };
}

/** The passages of a block. */
export function blockRange(index: LoadedIndex, block: number, blockSize: number): { from: number; to: number } {
  return { from: block * blockSize, to: Math.min(index.terms.passageCount, (block + 1) * blockSize) };
}
