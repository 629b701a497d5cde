import type { TermNode } from '../query/query-tree.ts';

export type TermMatch = 'exact' | 'prefix' | 'fuzzy';

/**
 * How an indexed term matches a query term, by the same rules the search applies (equal; starts with
 * it when `prefix`; another form of it; within `typos` edits or two neighbours swapped), or undefined.
 */
export function matchTerm(node: Pick<TermNode, 'term' | 'prefix' | 'typos' | 'variants'>, candidate: string): TermMatch | undefined {
  if (candidate === node.term) return 'exact';
  if (node.prefix && candidate.startsWith(node.term)) return 'prefix';
  // Another form of the word (`negotiate` for `negotiations`) is, to a reader, the word spelled otherwise.
  if (node.variants?.includes(candidate)) return 'fuzzy';
  if (node.typos > 0 && (withinEdits(node.term, candidate, node.typos) || isNeighbourSwap(node.term, candidate))) return 'fuzzy';
  return undefined;
}

/** The same letters with one pair of neighbours swapped: the slip `lookUpTerm` also forgives. */
export function isNeighbourSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  for (let at = 0; at < a.length; at += 1) {
    if (a[at] === b[at]) continue;
    if (first !== -1) return at === first + 1 && a[first] === b[at] && a[at] === b[first] && a.slice(at + 1) === b.slice(at + 1);
    first = at;
  }
  return false;
}

// Two rows of the edit-distance table, reused: highlighting checks thousands of words a query.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance ≤ `limit`, giving up on a row once every cell exceeds it. */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cost = letter === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length]! <= limit;
}
