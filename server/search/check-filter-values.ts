import type { QueryNote } from '../api/types.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import type { QueryTree, TextFilter } from '../query/query-tree.ts';
import { termsHeld } from './filter-passages.ts';

export type LabelField = 'source' | 'speaker' | 'title';

/** The analyzed words of every known value of a field. */
function knownValues(facts: IndexFacts, field: LabelField): Iterable<ReadonlySet<string>> {
  switch (field) {
    case 'source':
      return facts.sourceTerms.values();
    case 'speaker':
      return facts.speakerTerms.values();
    case 'title':
      return facts.titleTerms.values();
  }
}

export const LABEL_FIELDS: readonly LabelField[] = ['source', 'speaker', 'title'];
const PLURAL: Record<LabelField, string> = { source: 'sources', speaker: 'speakers', title: 'titles' };

/** Whether some value of `field` holds the filter's words: what `checkFilterValues` asks an engine. */
export type HoldsSomeValue = (filter: TextFilter, field: LabelField) => boolean;

/** `HoldsSomeValue` over the term index's label facts. */
export function holdsSomeValueIn(facts: IndexFacts): HoldsSomeValue {
  return (filter, field) => {
    for (const terms of knownValues(facts, field)) if (termsHeld(filter, terms)) return true;
    return false;
  };
}

/**
 * A `source:`, `speaker:` or `title:` filter that no value of its field holds empties every search:
 * say so, and when another of these fields has the value (`speaker:lincoln` where Lincoln is a
 * source), name it and give the query with that field (`replacement`).
 */
export function checkFilterValues(tree: QueryTree, query: string, holdsSome: HoldsSomeValue): QueryNote[] {
  const notes: QueryNote[] = [];
  for (const filter of tree.filters) {
    if (filter.field !== 'source' && filter.field !== 'speaker' && filter.field !== 'title') continue;
    if (filter.negated || holdsSome(filter, filter.field)) continue;
    const written = `${filter.field}:${filter.value}`;
    const other = LABEL_FIELDS.find((field) => field !== filter.field && holdsSome(filter, field));
    if (other === undefined) {
      notes.push({ code: 'unknown_filter_value', message: `No ${filter.field} of this archive matches "${filter.value}", so "${written}" keeps nothing.` });
      continue;
    }
    const suggested = `${other}:${filter.value}`;
    notes.push({
      code: 'unknown_filter_value',
      message: `No ${filter.field} of this archive matches "${filter.value}", but ${PLURAL[other]} do: try ${suggested}.`,
      replacement: query.replace(written, suggested),
    });
  }
  return notes;
}
