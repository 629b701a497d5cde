import type { FacetValue } from '../api/types.ts';
import type { LoadedIndex, PassageEntry } from '../index/load-index.ts';
import { FACET_NAMES, facetLabel, facetValueOf, type FacetName } from './facet-fields.ts';

/** Values selected per facet; an empty set selects nothing (every value passes). */
export type FacetSelection = Record<FacetName, ReadonlySet<string>>;

export interface FacetOptions {
  /** Values listed per facet, most frequent first; selected values are always listed. Default 100. */
  maxValues: number;
}

export const DEFAULT_FACET_OPTIONS: FacetOptions = { maxValues: 100 };

export type FacetCounts = Record<FacetName, FacetValue[]>;

/**
 * Applies facet selections and counts facet values, disjunctively: within a facet the selected values
 * are alternatives (OR), across facets all must hold (AND), and a facet's counts are taken over the
 * matches that pass every *other* facet's selection, so choosing a source never hides the other
 * sources' counts. One pass: a match failing exactly one facet still counts for that facet.
 */
export function countFacets<T extends { entry: PassageEntry }>(
  matches: readonly T[],
  selection: FacetSelection,
  index: LoadedIndex,
  options: Partial<FacetOptions> = {},
): { kept: T[]; facets: FacetCounts } {
  const { maxValues } = { ...DEFAULT_FACET_OPTIONS, ...options };
  const counts = Object.fromEntries(FACET_NAMES.map((name) => [name, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
  const kept: T[] = [];
  const values: (string | undefined)[] = new Array(FACET_NAMES.length);
  // Every match passes through here, so the loop reuses one array and allocates nothing.
  for (const match of matches) {
    let failing = -1;
    let failures = 0;
    for (let at = 0; at < FACET_NAMES.length; at += 1) {
      const name = FACET_NAMES[at]!;
      const value = facetValueOf(name, match.entry);
      values[at] = value;
      if (selection[name].size > 0 && !selection[name].has(value ?? '')) [failing, failures] = [at, failures + 1];
    }
    if (failures > 1) continue;
    if (failures === 0) kept.push(match);
    for (let at = 0; at < FACET_NAMES.length; at += 1) {
      const value = values[at];
      if (value === undefined || (failures === 1 && failing !== at)) continue;
      const counted = counts[FACET_NAMES[at]!];
      counted.set(value, (counted.get(value) ?? 0) + 1);
    }
  }
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, listValues(name, counts[name], selection[name], index, maxValues)])) as FacetCounts;
  return { kept, facets };
}

/** Most frequent first, then by label; selected values stay listed (with 0 when nothing matches them). */
function listValues(name: FacetName, counts: Map<string, number>, selected: ReadonlySet<string>, index: LoadedIndex, maxValues: number): FacetValue[] {
  for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
  const values = [...counts]
    .map(([value, count]) => ({ value, label: facetLabel(name, value, index), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
  return values.filter((value, at) => at < maxValues || selected.has(value.value));
}
