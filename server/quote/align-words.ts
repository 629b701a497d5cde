/** One step of an alignment: a quote word `q` and/or a source word `s` (positions in their lists). */
export type QuoteStep = (
  | { kind: 'same' | 'changed'; q: number; s: number }
  | { kind: 'added'; q: number }
  | { kind: 'missing'; s: number; marked: boolean }
) & {
  /** The quote has these words in another order than the source: they come from before the rest of the quote. */
  moved?: boolean;
};

export interface AlignmentCosts {
  /** Gain of a word that matches. Default 2. */
  same: number;
  /** Cost of a quote word in place of another source word. Default -1. */
  changed: number;
  /** Cost of a quote word the source does not have. Default -1.5. */
  added: number;
  /** Cost of a source word the quote leaves out, where it marks no omission. Default -1.5. */
  missing: number;
  /** Cost of going on from another place of the source (a clause moved): four changed words. Default -4. */
  jump: number;
}

export const DEFAULT_ALIGNMENT_COSTS: AlignmentCosts = { same: 2, changed: -1, added: -1.5, missing: -1.5, jump: -4 };

const DIAGONAL = 0;
const UP = 1;
const LEFT = 2;
const JUMP = 3;

/**
 * Aligns every word of a quote with source words, by dynamic programming over word terms. The source
 * may start and end anywhere (semi-global), and the alignment may once go on from another place of the
 * source, so a quote that puts two clauses in the other order still aligns word for word. `marked[i]`
 * lets the source skip words free of cost between quote words i-1 and i (an ellipsis or a bracketed
 * insertion). Steps come in the quote's order, a skipped source word where it falls. Time is
 * 2 × quote × source cells, the directions a byte each.
 *
 * The quote is first aligned without a jump (half the work); only when that leaves `JUMP_AFTER`
 * quote words unmatched is a jump tried. A jump forward is no reordering (it skips source
 * words for less than they cost when left out), so then the alignment without one stands.
 */
export function alignWords(quote: readonly string[], source: readonly string[], marked: readonly boolean[], costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS): QuoteStep[] {
  const straight = alignOnce(quote, source, marked, { ...costs, jump: Number.NEGATIVE_INFINITY }) as QuoteStep[];
  if (countUnmatched(straight) < JUMP_AFTER) return straight;
  const jumped = alignOnce(quote, source, marked, costs);
  if (jumped !== FORWARD_JUMP) return jumped;
  // The best jump went forward; the best one back lands before where the quote's first part starts.
  const firstStart = Math.min(...straight.flatMap((step) => (step.kind === 'same' ? [step.s] : [])));
  if (!Number.isFinite(firstStart) || firstStart === 0) return straight;
  const back = alignOnce(quote, source, marked, costs, firstStart);
  return back === FORWARD_JUMP ? straight : back;
}

/** Unmatched quote words after which a moved clause is looked for. */
const JUMP_AFTER = 3;

const countUnmatched = (steps: readonly QuoteStep[]) => steps.filter((step) => step.kind === 'changed' || step.kind === 'added').length;

/** What `alignOnce` answers when its best alignment jumps forward. */
const FORWARD_JUMP = Symbol('forward jump');

/** `jumpTo`: the alignment after a jump uses source words before this position only. */
function alignOnce(quote: readonly string[], source: readonly string[], marked: readonly boolean[], costs: AlignmentCosts, jumpTo = source.length): QuoteStep[] | typeof FORWARD_JUMP {
  const n = quote.length;
  const m = source.length;
  const width = m + 1;
  // Two layers: before the jump (0) and after it (1); one when no jump is allowed.
  const layers = costs.jump === Number.NEGATIVE_INFINITY ? 1 : 2;
  const moves = [new Uint8Array((n + 1) * width), new Uint8Array(layers === 2 ? (n + 1) * width : 0)] as const;
  const jumpFrom = new Int32Array(n + 1);
  let previous = [new Float64Array(width), new Float64Array(width).fill(Number.NEGATIVE_INFINITY)];
  let current = [new Float64Array(width), new Float64Array(width)];
  for (let i = 1; i <= n; i += 1) {
    const term = quote[i - 1]!;
    const skip = i === n ? Number.NEGATIVE_INFINITY : marked[i] ? 0 : costs.missing;
    let bestBefore = 0;
    for (let layer = 0; layer < layers; layer += 1) {
      const above = previous[layer]!;
      const row = current[layer]!;
      const rowMoves = moves[layer as 0 | 1];
      const jumpScore = layer === 1 && i < n ? current[0]![bestBefore]! + costs.jump : Number.NEGATIVE_INFINITY;
      row[0] = above[0]! + costs.added;
      rowMoves[i * width] = UP;
      if (jumpScore > row[0]!) {
        row[0] = jumpScore;
        rowMoves[i * width] = JUMP;
      }
      const columns = layer === 1 ? Math.min(m, jumpTo) : m;
      for (let j = columns + 1; j <= m; j += 1) row[j] = Number.NEGATIVE_INFINITY;
      for (let j = 1; j <= columns; j += 1) {
        let best = above[j - 1]! + (source[j - 1] === term ? costs.same : costs.changed);
        let move = DIAGONAL;
        const up = above[j]! + costs.added;
        if (up > best) {
          best = up;
          move = UP;
        }
        const left = row[j - 1]! + skip;
        if (left > best) {
          best = left;
          move = LEFT;
        }
        if (jumpScore > best) {
          best = jumpScore;
          move = JUMP;
        }
        row[j] = best;
        rowMoves[i * width + j] = move;
        if (layer === 0 && best > row[bestBefore]!) bestBefore = j;
      }
      if (layer === 0) jumpFrom[i] = bestBefore;
    }
    [previous, current] = [current, previous];
  }
  let endLayer = 0;
  let end = 0;
  for (let layer = 0; layer < layers; layer += 1) {
    for (let j = 0; j <= m; j += 1) if (previous[layer]![j]! > previous[endLayer]![end]!) [endLayer, end] = [layer, j];
  }
  return traceSteps(quote, source, marked, moves, jumpFrom, width, endLayer, end);
}

function traceSteps(quote: readonly string[], source: readonly string[], marked: readonly boolean[], moves: readonly [Uint8Array, Uint8Array], jumpFrom: Int32Array, width: number, endLayer: number, end: number): QuoteStep[] | typeof FORWARD_JUMP {
  const steps: QuoteStep[] = [];
  let layer = endLayer;
  let i = quote.length;
  let j = end;
  let jumpAt = -1;
  while (i > 0) {
    const move = moves[layer as 0 | 1][i * width + j];
    if (move === JUMP) {
      jumpAt = steps.length;
      layer = 0;
      j = jumpFrom[i]!;
    } else if (move === DIAGONAL && j > 0) {
      steps.push({ kind: quote[i - 1] === source[j - 1] ? 'same' : 'changed', q: i - 1, s: j - 1 });
      i -= 1;
      j -= 1;
    } else if (move === LEFT) {
      steps.push({ kind: 'missing', s: j - 1, marked: marked[i] === true });
      j -= 1;
    } else {
      steps.push({ kind: 'added', q: i - 1 });
      i -= 1;
    }
  }
  steps.reverse();
  return jumpAt === -1 ? steps : settleJump(steps, steps.length - jumpAt);
}

const sourceOf = (step: QuoteStep) => (step.kind === 'added' ? undefined : step.s);

/** A jump back is a reordering: the words of the shorter side are moved. A jump forward is answered as such. */
function settleJump(steps: QuoteStep[], at: number): QuoteStep[] | typeof FORWARD_JUMP {
  const first = steps.slice(0, at);
  const second = steps.slice(at);
  const firstSources = first.map(sourceOf).filter((s) => s !== undefined);
  const secondSources = second.map(sourceOf).filter((s) => s !== undefined);
  if (firstSources.length === 0 || secondSources.length === 0) return FORWARD_JUMP;
  if (Math.min(...secondSources) > Math.max(...firstSources)) return FORWARD_JUMP;
  const words = (part: QuoteStep[]) => part.filter((step) => step.kind !== 'missing').length;
  const movedPart = words(second) <= words(first) ? second : first;
  for (const step of movedPart) if (step.kind !== 'added') step.moved = true;
  return steps;
}
