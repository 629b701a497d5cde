import type { FacetValue } from '../api/types.ts';
import type { LoadedIndex, PassageEntry } from '../index/loaded-index.ts';
import { facetCollator, getFacetColumns, type FacetColumn } from './facet-columns.ts';
import { FACET_NAMES, facetLabel, type FacetName } from './facet-fields.ts';

/** Values selected per facet; an empty set selects nothing (every value passes). */
export type FacetSelection = Record<FacetName, ReadonlySet<string>>;

export interface FacetOptions {
  /** Values listed per facet, most frequent first; selected values are always listed. Default 100. */
  maxValues: number;
}

export const DEFAULT_FACET_OPTIONS: FacetOptions = { maxValues: 100 };

export type FacetCounts = Record<FacetName, FacetValue[]>;

/** Per facet, the matches it was counted over that have no value for it (no date, no speaker): its counts leave them out. */
export type FacetMissing = Record<FacetName, number>;

/**
 * Applies facet selections and counts facet values, disjunctively: within a facet the selected values
 * are alternatives (OR), across facets all must hold (AND), and a facet's counts are taken over the
 * matches that pass every *other* facet's selection, so choosing a source never hides the other
 * sources' counts. One pass: a match failing exactly one facet still counts for that facet. `missing`
 * counts, per facet, the matches it was taken over that have no value for it: the year facet's counts
 * cover `sum of counts` of `sum + missing` matches, which the client says ("N of M matches have a date").
 */
export function countFacets<T extends { passage: number; entry: PassageEntry }>(
  matches: readonly T[],
  selection: FacetSelection,
  index: LoadedIndex,
  options: Partial<FacetOptions> = {},
): { kept: readonly T[]; facets: FacetCounts; missing: FacetMissing } {
  const { kept, counts, missing } = tallyFacets(matches, selection, index);
  return { kept, facets: listFacets(counts, selection, index, options), missing };
}

/** Per facet, a count per value number (`getFacetColumns`). */
export type FacetTallies = Record<FacetName, Uint32Array>;

/** The matches the selections keep, each facet's counts by value number (before they are listed), and its matches without a value. */
export function tallyFacets<T extends { passage: number; entry: PassageEntry }>(matches: readonly T[], selection: FacetSelection, index: LoadedIndex): { kept: readonly T[]; counts: FacetTallies; missing: FacetMissing } {
  const columns = getFacetColumns(index);
  const facetCount = FACET_NAMES.length;
  const valueOf = FACET_NAMES.map((name) => columns[name].valueOf);
  const counts = FACET_NAMES.map((name) => new Uint32Array(columns[name].values.length));
  const missingCounts = FACET_NAMES.map(() => 0);
  const missing = () => Object.fromEntries(FACET_NAMES.map((name, at) => [name, missingCounts[at]!])) as FacetMissing;
  // Selected value numbers per facet; null where nothing is selected (every value passes).
  const selected = selectedNumbers(selection, index);
  const tallies = () => Object.fromEntries(FACET_NAMES.map((name, at) => [name, counts[at]!])) as FacetTallies;
  if (selected.every((allowed) => allowed === null)) {
    // Nothing selected, the usual case: every match is kept and counts for every facet, one column at a time.
    for (let at = 0; at < facetCount; at += 1) {
      const column = valueOf[at]!;
      const tally = counts[at]!;
      let without = 0;
      for (let k = 0; k < matches.length; k += 1) {
        const number = column[matches[k]!.passage]!;
        if (number >= 0) tally[number]! += 1;
        else without += 1;
      }
      missingCounts[at] = without;
    }
    return { kept: matches, counts: tallies(), missing: missing() };
  }
  const kept: T[] = [];
  // Every match passes through here: typed arrays only, nothing allocated per match.
  for (const match of matches) {
    let failing = -1;
    let failures = 0;
    for (let at = 0; at < facetCount; at += 1) {
      const allowed = selected[at];
      if (!allowed) continue;
      const number = valueOf[at]![match.passage]!;
      if (number < 0 || allowed[number] === 0) {
        failing = at;
        failures += 1;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) kept.push(match);
    for (let at = 0; at < facetCount; at += 1) {
      if (failures === 1 && failing !== at) continue;
      const number = valueOf[at]![match.passage]!;
      if (number >= 0) counts[at]![number]! += 1;
      else missingCounts[at]! += 1;
    }
  }
  return { kept, counts: tallies(), missing: missing() };
}

/** Per facet (in `FACET_NAMES` order), 1 for each selected value number; null where nothing is selected. */
export function selectedNumbers(selection: FacetSelection, index: LoadedIndex): (Uint8Array | null)[] {
  const columns = getFacetColumns(index);
  return FACET_NAMES.map((name) => {
    if (selection[name].size === 0) return null;
    const allowed = new Uint8Array(columns[name].values.length);
    for (const value of selection[name]) {
      const number = columns[name].numbers.get(value);
      if (number !== undefined) allowed[number] = 1;
    }
    return allowed;
  });
}

/** Each facet's values, most frequent first (see listValues), from its counts by value number. */
export function listFacets(counts: FacetTallies, selection: FacetSelection, index: LoadedIndex, options: Partial<FacetOptions> = {}): FacetCounts {
  const { maxValues } = { ...DEFAULT_FACET_OPTIONS, ...options };
  const columns = getFacetColumns(index);
  return Object.fromEntries(FACET_NAMES.map((name) => [name, listValues(name, columns[name], counts[name], selection[name], index, maxValues)])) as FacetCounts;
}

/** Most frequent first, then by label; selected values stay listed (with 0 when nothing matches them). */
function listValues(name: FacetName, column: FacetColumn, counts: Uint32Array, selected: ReadonlySet<string>, index: LoadedIndex, maxValues: number): FacetValue[] {
  const numbers: number[] = [];
  counts.forEach((count, number) => {
    if (count > 0) numbers.push(number);
  });
  let unknownSelected = false;
  for (const value of selected) {
    const number = column.numbers.get(value);
    if (number === undefined) unknownSelected = true;
    else if (counts[number] === 0) numbers.push(number);
  }
  if (unknownSelected) return listValuesByLabel(name, column, counts, selected, index, maxValues);
  // The label order is worked out once per index: no string is compared here.
  numbers.sort((a, b) => counts[b]! - counts[a]! || column.labelOrder[a]! - column.labelOrder[b]!);
  const values: FacetValue[] = [];
  numbers.forEach((number, at) => {
    const value = column.values[number]!;
    if (at < maxValues || selected.has(value)) values.push({ value, label: column.labels[number]!, count: counts[number]! });
  });
  return values;
}

/** `listValues` when a selected value is not in the index: compared by label, as it has no place in the label order. */
function listValuesByLabel(name: FacetName, column: FacetColumn, counts: Uint32Array, selected: ReadonlySet<string>, index: LoadedIndex, maxValues: number): FacetValue[] {
  const tally = new Map<string, number>();
  counts.forEach((count, number) => {
    if (count > 0) tally.set(column.values[number]!, count);
  });
  for (const value of selected) if (!tally.has(value)) tally.set(value, 0);
  const values = [...tally]
    .map(([value, count]) => ({ value, label: facetLabel(name, value, index.sourceNames), count }))
    .sort((a, b) => b.count - a.count || facetCollator.compare(a.label, b.label) || facetCollator.compare(a.value, b.value));
  return values.filter((value, at) => at < maxValues || selected.has(value.value));
}
