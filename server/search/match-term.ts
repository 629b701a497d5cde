import type { TermNode } from '../query/query-tree.ts';

export type TermMatch = 'exact' | 'prefix' | 'fuzzy';

/**
 * How an indexed term matches a query term, by the same rules MiniSearch applies when it searches
 * (equal; starts with it when `prefix`; within `typos` edits), or undefined when it does not.
 */
export function matchTerm(node: Pick<TermNode, 'term' | 'prefix' | 'typos'>, candidate: string): TermMatch | undefined {
  if (candidate === node.term) return 'exact';
  if (node.prefix && candidate.startsWith(node.term)) return 'prefix';
  if (node.typos > 0 && withinEdits(node.term, candidate, node.typos)) return 'fuzzy';
  return undefined;
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
