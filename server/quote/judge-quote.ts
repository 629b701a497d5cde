import type { QuoteVerdict } from '../api/types.ts';
import { DEFAULT_ALIGNMENT_COSTS, type QuoteStep } from './align-words.ts';

/** What an alignment says about a quote, counted per word. */
export interface QuoteTally {
  /** Words of the quote. */
  words: number;
  same: number;
  changed: number;
  added: number;
  /** Source words left out where the quote marks no omission. */
  missing: number;
  /** Quote words (same or changed) found in another order than the rest. */
  moved: number;
  /** Matching quote words that stand in the source's order (not moved). */
  inOrder: number;
  /** Most quote words in a row that match, in order. */
  longestRun: number;
  /**
   * Words of the longest stretch at the start or the end of the quote (at least `EDGE_WORDS`) of which
   * at most a third match: a quote that begins or ends with other words than its place's. 0 if none.
   */
  strayEdge: number;
  /** The alignment's worth, for choosing between places: matches count, differences cost. */
  score: number;
}

export interface VerdictOptions {
  /** Share of the quote's words that must match, in order, for `close`. Default 0.7 (three words changed in ten). */
  closeShare: number;
  /** Share of the words that must match for `close` when the quote moves some of them: a clean reordering. Default 0.85. */
  movedCloseShare: number;
  /** Share of the quote's words that must match for `partial`, three of them in a row. Default 0.5. */
  partialShare: number;
  /** A run of this many matching words is `partial` whatever the share. Default 6. */
  partialRun: number;
}

/** Shortest stretch at an edge of a quote that counts as not from its place. */
const EDGE_WORDS = 5;

function findStrayEdge(steps: readonly QuoteStep[], words: number): number {
  const matched = new Uint8Array(words);
  for (const step of steps) if (step.kind === 'same') matched[step.q] = 1;
  let longest = 0;
  for (const fromEnd of [false, true]) {
    let same = 0;
    for (let k = 1; k <= words; k += 1) {
      same += matched[fromEnd ? words - k : k - 1]!;
      if (k >= EDGE_WORDS && same * 3 <= k) longest = Math.max(longest, k);
    }
  }
  return longest;
}

export const DEFAULT_VERDICT_OPTIONS: VerdictOptions = { closeShare: 0.7, movedCloseShare: 0.85, partialShare: 0.5, partialRun: 6 };

export function tallyQuote(steps: readonly QuoteStep[], words: number): QuoteTally {
  const tally: QuoteTally = { words, same: 0, changed: 0, added: 0, missing: 0, moved: 0, inOrder: 0, longestRun: 0, strayEdge: 0, score: 0 };
  let run = 0;
  for (const step of steps) {
    if (step.kind === 'missing') {
      if (!step.marked) tally.missing += 1;
      // A skipped source word does not break a run of the quote's words unless it is a difference.
      if (!step.marked) run = 0;
      continue;
    }
    tally[step.kind] += 1;
    if (step.moved && step.kind !== 'added') tally.moved += 1;
    if (step.kind === 'same' && !step.moved) tally.inOrder += 1;
    run = step.kind === 'same' ? run + 1 : 0;
    tally.longestRun = Math.max(tally.longestRun, run);
  }
  tally.strayEdge = findStrayEdge(steps, words);
  const costs = DEFAULT_ALIGNMENT_COSTS;
  tally.score = tally.same * costs.same + tally.changed * costs.changed + tally.added * costs.added + tally.missing * costs.missing;
  return tally;
}

/**
 * The verdict on a quote from its alignment with its best place:
 * - `exact`: every word matches, in order (omissions the quote marks are allowed);
 * - `close`: at least `closeShare` of the words match in order and no more than the rest are left out;
 *   or the quote puts clauses in another order, with at least `movedCloseShare` of the words matching
 *   and as few differences as that leaves (a moved part that matches only here and there is no reordering);
 *   never when the quote begins or ends with five words or more of which at most a third match (`strayEdge`):
 *   such a quote joins other words to this place's;
 * - `partial`: `partialShare` of the words match with three in a row (stock phrases such as "the end of
 *   the" alone are no source), or a run of `partialRun`;
 * - `not_found` otherwise.
 */
export function judgeQuote(tally: QuoteTally, options: VerdictOptions = DEFAULT_VERDICT_OPTIONS): QuoteVerdict {
  const { words, same, changed, added, missing, moved, inOrder } = tally;
  if (words === 0 || same === 0) return 'not_found';
  if (changed + added + missing + moved === 0) return 'exact';
  const stray = tally.strayEdge > 0;
  if (!stray && inOrder >= options.closeShare * words && missing <= (1 - options.closeShare) * words) return 'close';
  const rest = 1 - options.movedCloseShare;
  if (!stray && moved > 0 && same >= options.movedCloseShare * words && changed + added <= rest * words && missing <= rest * words) return 'close';
  if ((same >= options.partialShare * words && tally.longestRun >= 3) || tally.longestRun >= options.partialRun) return 'partial';
  return 'not_found';
}
