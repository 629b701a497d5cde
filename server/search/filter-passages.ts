import type { PassageEntry } from '../index/loaded-index.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import type { DateBounds, FieldFilter, TextFilter } from '../query/query-tree.ts';

/**
 * One predicate for the field filters of a query: filters on the same field are alternatives (OR),
 * different fields must all hold (AND), an excluded filter must not hold. A passage whose document
 * lacks the field (no date, no speaker) fails an inclusion and passes an exclusion.
 */
export function buildPassageFilter(filters: readonly FieldFilter[], facts: IndexFacts): ((entry: PassageEntry) => boolean) | undefined {
  if (filters.length === 0) return undefined;
  const included = new Map<FieldFilter['field'], FieldFilter[]>();
  for (const filter of filters) if (!filter.negated) included.set(filter.field, [...(included.get(filter.field) ?? []), filter]);
  const excluded = filters.filter((filter) => filter.negated);
  return (entry) =>
    [...included.values()].every((alternatives) => alternatives.some((filter) => filterHolds(filter, entry, facts))) &&
    !excluded.some((filter) => filterHolds(filter, entry, facts));
}

function filterHolds(filter: FieldFilter, { document, passage }: PassageEntry, facts: IndexFacts): boolean {
  switch (filter.field) {
    case 'date':
      return document.date !== undefined && dateWithin(document.date, filter.bounds);
    case 'lang':
      return document.lang?.toLowerCase() === filter.terms[0];
    case 'source':
      return document.source.toLowerCase() === filter.value.toLowerCase() || termsHeld(filter, facts.sourceTerms.get(document.source));
    case 'speaker':
      return passage.speaker !== undefined && termsHeld(filter, facts.speakerTerms.get(passage.speaker));
    case 'title':
      return termsHeld(filter, facts.titleTerms.get(document.id));
  }
}

/** Every word of the filter value is a word of the field (the last one as a prefix with `*`). */
export function termsHeld(filter: TextFilter, terms: ReadonlySet<string> | undefined): boolean {
  if (!terms) return false;
  return filter.terms.every((term, index) => {
    if (terms.has(term)) return true;
    return filter.prefix && index === filter.terms.length - 1 && [...terms].some((candidate) => candidate.startsWith(term));
  });
}

/** Each bound compares at its own precision: `to: '2021-03'` keeps 2021-03-31. */
export function dateWithin(date: string, bounds: DateBounds): boolean {
  const at = (bound: string) => date.slice(0, bound.length);
  if (bounds.from !== undefined && at(bounds.from) < bounds.from) return false;
  if (bounds.to !== undefined && at(bounds.to) > bounds.to) return false;
  if (bounds.after !== undefined && at(bounds.after) <= bounds.after) return false;
  if (bounds.before !== undefined && at(bounds.before) >= bounds.before) return false;
  return true;
}
