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
  /** Most quote words in a row that match, in order. */
  longestRun: number;
  /** The alignment's worth, for choosing between places: matches count, differences cost. */
  score: number;
}

export interface VerdictOptions {
  /** Share of the quote's words that must match for `close`. Default 0.7 (three words changed in ten). */
  closeShare: number;
  /** Share of the quote's words that must match for `partial`. Default 0.4. */
  partialShare: number;
  /** A run of this many matching words is `partial` whatever the share. Default 6. */
  partialRun: number;
}

export const DEFAULT_VERDICT_OPTIONS: VerdictOptions = { closeShare: 0.7, partialShare: 0.4, partialRun: 6 };

export function tallyQuote(steps: readonly QuoteStep[], words: number): QuoteTally {
  const tally: QuoteTally = { words, same: 0, changed: 0, added: 0, missing: 0, moved: 0, longestRun: 0, score: 0 };
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
    run = step.kind === 'same' ? run + 1 : 0;
    tally.longestRun = Math.max(tally.longestRun, run);
  }
  const costs = DEFAULT_ALIGNMENT_COSTS;
  tally.score = tally.same * costs.same + tally.changed * costs.changed + tally.added * costs.added + tally.missing * costs.missing;
  return tally;
}

/**
 * The verdict on a quote from its alignment with its best place:
 * - `exact`: every word matches, in order (omissions the quote marks are allowed);
 * - `close`: at least `closeShare` of the words match and no more than the rest of the words are left out;
 * - `partial`: `partialShare` of the words match, or a run of `partialRun`;
 * - `not_found` otherwise.
 */
export function judgeQuote(tally: QuoteTally, options: VerdictOptions = DEFAULT_VERDICT_OPTIONS): QuoteVerdict {
  const { words, same, changed, added, missing, moved } = tally;
  if (words === 0 || same === 0) return 'not_found';
  if (changed + added + missing + moved === 0) return 'exact';
  if (same >= options.closeShare * words && missing <= (1 - options.closeShare) * words) return 'close';
  if ((same >= options.partialShare * words && same >= 3) || tally.longestRun >= options.partialRun) return 'partial';
  return 'not_found';
}
