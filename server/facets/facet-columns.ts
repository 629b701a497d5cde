import type { LoadedIndex } from '../index/load-index.ts';
import { FACET_NAMES, facetValueOf, type FacetName } from './facet-fields.ts';

/** A facet's value for every passage, as small integers: counting a match is one array increment. */
export interface FacetColumn {
  /** Value number of each passage, -1 when its document does not say. */
  valueOf: Int32Array;
  /** The values, by number. */
  values: string[];
  /** Numbers by value. */
  numbers: Map<string, number>;
}

const columns = new WeakMap<LoadedIndex, Record<FacetName, FacetColumn>>();

/** The facet columns of an index, built once on first use (one pass over the passages). */
export function getFacetColumns(index: LoadedIndex): Record<FacetName, FacetColumn> {
  const cached = columns.get(index);
  if (cached) return cached;
  const built = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const column: FacetColumn = { valueOf: new Int32Array(index.entries.length), values: [], numbers: new Map() };
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
      return [name, column];
    }),
  ) as Record<FacetName, FacetColumn>;
  columns.set(index, built);
  return built;
}
