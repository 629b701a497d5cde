import type { FacetValue, SearchResponse } from '../../../server/api/types.ts';
import { formatYearRange, type FilterState } from '../url/url-state.ts';

/** The list facets, each tied to its URL field and its key in the response's facets. */
export const LIST_FACETS = [
  { field: 'sources', facet: 'source', title: 'Sources', noun: 'source', chip: 'Source' },
  { field: 'speakers', facet: 'speaker', title: 'Speakers', noun: 'speaker', chip: 'Speaker' },
  { field: 'langs', facet: 'lang', title: 'Languages', noun: 'language', chip: 'Language' },
] as const satisfies readonly {
  field: keyof FilterState;
  facet: keyof SearchResponse['facets'];
  title: string;
  noun: string;
  chip: string;
}[];

export type ListFacet = (typeof LIST_FACETS)[number];

export interface ActiveFilter {
  /** What the chip says: "Source: U.S. Department of State". */
  label: string;
  /** The filters without this one. */
  without: Partial<FilterState>;
}

/** Every filter in force, as chips; labels come from the facets when the response has them. */
export function listActiveFilters(filters: FilterState, facets: SearchResponse['facets'] | undefined): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const definition of LIST_FACETS) {
    const selected = filters[definition.field];
    for (const value of selected) {
      active.push({
        label: `${definition.chip}: ${labelOf(facets?.[definition.facet], value)}`,
        without: { [definition.field]: selected.filter((other) => other !== value) },
      });
    }
  }
  if (filters.years) active.push({ label: `Years: ${formatYearRange(filters.years).replace('-', '–')}`, without: { years: null } });
  return active;
}

function labelOf(values: FacetValue[] | undefined, value: string): string {
  return values?.find((item) => item.value === value)?.label ?? value;
}

/** A filter group that, dropped, would bring matches back, with how many. */
export interface EmptyingFilter {
  /** What the filter says: "Source: U.S. Department of State", "Years: 1990–2001". */
  label: string;
  without: Partial<FilterState>;
  /** Matches without this filter (its facet's counts ignore the filter itself). */
  matches: number;
}

const sum = (values: FacetValue[] | undefined) => (values ?? []).reduce((total, value) => total + value.count, 0);

/**
 * The filters that emptied a search: each facet's counts ignore that facet's own selection, so a
 * selected facet whose counts add up to more than none would have matches without it.
 */
export function findEmptyingFilters(filters: FilterState, facets: SearchResponse['facets'] | undefined): EmptyingFilter[] {
  if (!facets) return [];
  const emptying: EmptyingFilter[] = [];
  for (const definition of LIST_FACETS) {
    const selected = filters[definition.field];
    if (selected.length === 0) continue;
    const matches = sum(facets[definition.facet]);
    if (matches === 0) continue;
    const labels = selected.map((value) => labelOf(facets[definition.facet], value)).join(' or ');
    emptying.push({ label: `${definition.chip}: ${labels}`, without: { [definition.field]: [] }, matches });
  }
  if (filters.years) {
    const matches = sum(facets.year);
    if (matches > 0) emptying.push({ label: `Years: ${formatYearRange(filters.years).replace('-', '–')}`, without: { years: null }, matches });
  }
  return emptying;
}
