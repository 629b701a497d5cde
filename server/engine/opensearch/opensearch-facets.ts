import type { FacetValue } from '../../api/types.ts';
import { facetCollator } from '../../facets/facet-columns.ts';
import { FACET_NAMES, facetLabel, type FacetName } from '../../facets/facet-fields.ts';
import { DEFAULT_FACET_OPTIONS } from '../../facets/count-facets.ts';
import type { FacetCounts } from '../search-engine.ts';
import type { QueryDsl } from './build-clause-query.ts';

/** Values selected per facet; an empty list selects nothing (every value passes). */
export type FacetSelections = Record<FacetName, readonly string[]>;

/** The passage field each facet counts. */
const FACET_FIELD: Record<FacetName, string> = { source: 'source', speaker: 'speaker', lang: 'lang', year: 'year' };

/** Distinct values counted per facet before the top `maxValues` are kept: enough for every source of an archive. */
const BUCKETS = 10_000;

function selectionQuery(name: FacetName, values: readonly string[]): QueryDsl {
  return { terms: { [FACET_FIELD[name]]: values } };
}

/**
 * Disjunctive facets in one request: the selections filter the hits after the query (`post_filter`),
 * and each facet is counted over the matches that pass every *other* facet's selection, so choosing
 * a source never hides the other sources' counts (the term index's `countFacets`).
 */
export function facetRequest(selections: FacetSelections): { postFilter?: QueryDsl; aggs: Record<string, QueryDsl> } {
  const active = FACET_NAMES.filter((name) => selections[name].length > 0);
  const aggs = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const others = active.filter((other) => other !== name).map((other) => selectionQuery(other, selections[other]));
      const values = { terms: { field: FACET_FIELD[name], size: BUCKETS } };
      // The year facet also counts the matches it leaves out for having no date (`SearchResponse.undated`).
      return [name, { filter: { bool: { filter: others } }, aggs: name === 'year' ? { values, undated: { missing: { field: FACET_FIELD.year } } } : { values } }];
    }),
  );
  return { ...(active.length === 0 ? {} : { postFilter: { bool: { filter: active.map((name) => selectionQuery(name, selections[name])) } } }), aggs };
}

interface TermsBuckets {
  values: { buckets: { key: string | number; doc_count: number }[] };
}

/** The facet counts as the API lists them: most frequent first, then by label; selected values always listed. */
export function readFacets(aggregations: Record<string, unknown> | undefined, selections: FacetSelections, sourceNames: ReadonlyMap<string, string>, maxValues = DEFAULT_FACET_OPTIONS.maxValues): FacetCounts {
  return Object.fromEntries(
    FACET_NAMES.map((name) => {
      const buckets = (aggregations?.[name] as TermsBuckets | undefined)?.values.buckets ?? [];
      const tally = new Map(buckets.map(({ key, doc_count }) => [String(key), doc_count]));
      for (const value of selections[name]) if (!tally.has(value)) tally.set(value, 0);
      const values: FacetValue[] = [...tally]
        .map(([value, count]) => ({ value, label: facetLabel(name, value, sourceNames), count }))
        .sort((a, b) => b.count - a.count || facetCollator.compare(a.label, b.label) || facetCollator.compare(a.value, b.value));
      return [name, values.filter((value, at) => at < maxValues || selections[name].includes(value.value))];
    }),
  ) as FacetCounts;
}

/** Matches the year facet was counted over that have no date. */
export function readUndated(aggregations: Record<string, unknown> | undefined): number {
  return (aggregations?.year as { undated?: { doc_count: number } } | undefined)?.undated?.doc_count ?? 0;
}
