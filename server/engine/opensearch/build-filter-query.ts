import type { DateBounds, FieldFilter, TextFilter } from '../../query/query-tree.ts';
import type { QueryDsl } from './build-clause-query.ts';

/** After every date that starts with a bound: `2021-03` + this is above `2021-03-31` (keywords compare as UTF-8 bytes). */
const AFTER_PREFIX = '\uffff';

/**
 * A query's field filters as OpenSearch filter clauses, by the rules of `buildPassageFilter`: filters
 * on one field are alternatives, different fields must all hold, an excluded filter must not hold, and
 * a passage whose document lacks the field fails an inclusion and passes an exclusion.
 */
export function buildFilterQueries(filters: readonly FieldFilter[]): { filter: QueryDsl[]; mustNot: QueryDsl[] } {
  const included = new Map<FieldFilter['field'], FieldFilter[]>();
  for (const filter of filters) if (!filter.negated) included.set(filter.field, [...(included.get(filter.field) ?? []), filter]);
  return {
    filter: [...included.values()].map((alternatives) => ({ bool: { should: alternatives.map(filterQuery), minimum_should_match: 1 } })),
    mustNot: filters.filter((filter) => filter.negated).map(filterQuery),
  };
}

function filterQuery(filter: FieldFilter): QueryDsl {
  switch (filter.field) {
    case 'date':
      return dateQuery(filter.bounds);
    case 'lang':
      return { term: { lang: filter.terms[0] ?? '' } };
    case 'source':
      return { bool: { should: [{ term: { source: { value: filter.value, case_insensitive: true } } }, wordsQuery(LABEL_WORDS_FIELD.source, filter)], minimum_should_match: 1 } };
    case 'speaker':
      return wordsQuery(LABEL_WORDS_FIELD.speaker, filter);
    case 'title':
      return wordsQuery(LABEL_WORDS_FIELD.title, filter);
  }
}

/** The field holding the analyzed words of each label a filter names. */
export const LABEL_WORDS_FIELD = { source: 'sourceWords', speaker: 'speakerWords', title: 'title' } as const;

/** Every word of the filter value is a word of the field, the last one as a prefix with `*`. */
export function wordsQuery(field: string, filter: TextFilter): QueryDsl {
  if (filter.terms.length === 0) return { match_none: {} };
  return {
    bool: {
      filter: filter.terms.map((term, at) => (filter.prefix && at === filter.terms.length - 1 ? { prefix: { [field]: term } } : { term: { [field]: term } })),
    },
  };
}

/** `dateWithin` as a range on the stored date: each bound compares at its own precision. */
function dateQuery(bounds: DateBounds): QueryDsl {
  const range: Record<string, string> = {};
  if (bounds.from !== undefined) range.gte = bounds.from;
  if (bounds.to !== undefined) range.lte = bounds.to + AFTER_PREFIX;
  if (bounds.after !== undefined) range.gt = bounds.after + AFTER_PREFIX;
  if (bounds.before !== undefined) range.lt = bounds.before;
  return { range: { date: range } };
}
