import { memo, useId, useState } from 'react';
import type { SearchResponse } from '../../../server/api/types.ts';
import type { FilterState } from '../url/url-state.ts';
import { listActiveFilters, LIST_FACETS, type ListFacet } from './facet-filters.ts';
import { FacetList } from './facet-list.tsx';
import { YearFacet } from './year-facet.tsx';

interface FacetPanelProps {
  /** Facets of the response on screen; undefined while the first search loads or after a failure. */
  facets: SearchResponse['facets'] | undefined;
  /** Matches the year counts were taken over that have no date (`SearchResponse.undated`). */
  undated?: number | undefined;
  isLoading: boolean;
  filters: FilterState;
  onChange: (filters: Partial<FilterState>) => void;
  /** Facets whose counts are estimates (`SearchResponse.facetIsEstimate`). */
  estimated?: SearchResponse['facetIsEstimate'];
}

/**
 * Every facet the server sends: a facet it does not send (an older server), or sends
 * empty (no passage has the field), is left out rather than shown blank. On narrow
 * screens the panel folds behind a "Filters" button so the results come first. Memoized: it
 * changes with the facets and filters, not with each typed query's placeholder render.
 */
export const FacetPanel = memo(function FacetPanel({ facets, undated, isLoading, filters, onChange, estimated }: FacetPanelProps) {
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const activeCount = listActiveFilters(filters, facets).length;

  function toggle(definition: ListFacet, value: string) {
    const selected = filters[definition.field];
    onChange({ [definition.field]: selected.includes(value) ? selected.filter((other) => other !== value) : [...selected, value] });
  }

  return (
    <>
      <button type="button" className="button facet-panel-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        Filters{activeCount > 0 && ` · ${activeCount} active`}
        <svg viewBox="0 0 10 10" aria-hidden="true" className="icon icon-caret">
          <path d="m2 3.5 3 3 3-3" />
        </svg>
      </button>
      <div id={bodyId} className={open ? 'facet-panel facet-panel-open' : 'facet-panel'}>
        {facets === undefined ? (
          isLoading && <p className="facet-empty">Loading filters…</p>
        ) : (
          <>
            {LIST_FACETS.map((definition) => {
              const values = facets[definition.facet];
              // Sources are always offered; other facets only when the corpus has the field.
              if (definition.facet !== 'source' && !values?.length && filters[definition.field].length === 0) return null;
              return (
                <FacetList
                  key={definition.field}
                  title={definition.title}
                  noun={definition.noun}
                  values={values ?? []}
                  selected={filters[definition.field]}
                  onToggle={(value) => toggle(definition, value)}
                  onClear={() => onChange({ [definition.field]: [] })}
                  estimated={estimated?.[definition.facet] === true}
                />
              );
            })}
            {facets.year && facets.year.length > 0 && (
              <YearFacet values={facets.year} undated={undated} selected={filters.years} onChange={(years) => onChange({ years })} estimated={estimated?.year === true} />
            )}
          </>
        )}
      </div>
    </>
  );
});
