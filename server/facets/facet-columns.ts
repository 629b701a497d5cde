import type { LoadedIndex, PassageEntry } from '../index/loaded-index.ts';
import { runAllSteps, runStepsInSlices, type WorkSlices, type WorkSteps } from '../index/work-slices.ts';
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

/** Passages numbered between two pauses of `prepareFacetColumns`. */
const PASSAGES_PER_STEP = 50_000;

/** The facet columns of an index, built on first use when `prepareFacetColumns` did not build them. */
export function getFacetColumns(index: LoadedIndex): Record<FacetName, FacetColumn> {
  return columns.get(index) ?? runAllSteps(buildColumnsInSteps(index));
}

/** Builds an index's facet columns before it is served, pausing between steps: one pass over a million passages takes about 100 ms. */
export async function prepareFacetColumns(index: LoadedIndex, slices: WorkSlices): Promise<void> {
  if (!columns.has(index)) await runStepsInSlices(buildColumnsInSteps(index), slices);
}

/** Builds and keeps the columns (one pass over the passages per facet), yielding every PASSAGES_PER_STEP passages. */
function* buildColumnsInSteps(index: LoadedIndex): WorkSteps<Record<FacetName, FacetColumn>> {
  const built = {} as Record<FacetName, FacetColumn>;
  for (const name of FACET_NAMES) {
    const column: FacetColumn = { valueOf: new Int32Array(index.entries.length), values: [], numbers: new Map(), labels: [], labelOrder: new Uint32Array(0) };
    // A document's passages lie together and share its source, language and year: those are looked
    // up once per document.
    const perPassage = name === 'speaker';
    let lastDocument: PassageEntry['document'] | undefined;
    let lastNumber = -1;
    for (let passage = 0; passage < index.entries.length; passage += 1) {
      if (passage % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
      const entry = index.entries[passage]!;
      if (!perPassage && entry.document === lastDocument) {
        column.valueOf[passage] = lastNumber;
        continue;
      }
      lastDocument = entry.document;
      const value = facetValueOf(name, entry);
      let number = value === undefined ? -1 : column.numbers.get(value);
      if (number === undefined) {
        number = column.values.length;
        column.values.push(value!);
        column.numbers.set(value!, number);
      }
      column.valueOf[passage] = lastNumber = number;
    }
    column.labels = column.values.map((value) => facetLabel(name, value, index.sourceNames));
    const sorted = column.values.map((_, number) => number).sort((a, b) => facetCollator.compare(column.labels[a]!, column.labels[b]!) || facetCollator.compare(column.values[a]!, column.values[b]!));
    column.labelOrder = new Uint32Array(column.values.length);
    sorted.forEach((number, place) => (column.labelOrder[number] = place));
    built[name] = column;
  }
  // A search that ran while these were built made its own: the first kept is the one used.
  const kept = columns.get(index) ?? built;
  columns.set(index, kept);
  return kept;
}
