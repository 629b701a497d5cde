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

/** Levenshtein distance ≤ `limit`, giving up on a row once every cell exceeds it. */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}
