import type { LoadedIndex } from '../index/loaded-index.ts';
import { FACET_NAMES, facetLabel, facetValueOf, type FacetName } from './facet-fields.ts';

/** A facet's value for every passage, as small integers: counting a match is one array increment. */
export interface FacetColumn {
  /** Value number of each passage, -1 when its document does not say. */
  valueOf: Int32Array;
  /** The values, by number. */
  values: string[];
  /** Numbers by value. */
  numbers: Map<string, number>;
  /** What the client shows for each value (`facetLabel`), by number. */
  labels: string[];
  /** Each value's place when the values are sorted by label, then value: a facet list's order among equal counts. */
  labelOrder: Uint32Array;
}

// One collator for every sort: `localeCompare` builds one per call.
export const facetCollator = new Intl.Collator('en');

const columns = new WeakMap<LoadedIndex, Record<FacetName, FacetColumn>>();

/** The facet columns of an index, built once on first use (one pass over the passages). */
export function getFacetColumns(index: LoadedIndex): Record<FacetName, FacetColumn> {
  const cached = columns.get(index);
  if (cached) return cached;
  const built = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const column: FacetColumn = { valueOf: new Int32Array(index.entries.length), values: [], numbers: new Map(), labels: [], labelOrder: new Uint32Array(0) };
      index.entries.forEach((entry, passage) => {
        const value = facetValueOf(name, entry);
        if (value === undefined) {
          column.valueOf[passage] = -1;
          return;
        }
        let number = column.numbers.get(value);
        if (number === undefined) {
          number = column.values.length;
          column.values.push(value);
          column.numbers.set(value, number);
        }
        column.valueOf[passage] = number;
      });
      column.labels = column.values.map((value) => facetLabel(name, value, index.sourceNames));
      const sorted = column.values.map((_, number) => number).sort((a, b) => facetCollator.compare(column.labels[a]!, column.labels[b]!) || facetCollator.compare(column.values[a]!, column.values[b]!));
      column.labelOrder = new Uint32Array(column.values.length);
      sorted.forEach((number, place) => (column.labelOrder[number] = place));
      return [name, column];
    }),
  ) as Record<FacetName, FacetColumn>;
  columns.set(index, built);
  return built;
}
