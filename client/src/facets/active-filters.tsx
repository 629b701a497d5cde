import type { SearchResponse } from '../../../server/api/types.ts';
import { NO_FILTERS, type FilterState } from '../url/url-state.ts';
import { listActiveFilters } from './facet-filters.ts';

interface ActiveFiltersProps {
  filters: FilterState;
  facets: SearchResponse['facets'] | undefined;
  onChange: (filters: Partial<FilterState>) => void;
}

/** The filters in force as removable chips, with "Clear all" when there are several. */
export function ActiveFilters({ filters, facets, onChange }: ActiveFiltersProps) {
  const active = listActiveFilters(filters, facets);
  if (active.length === 0) return null;
  return (
    <div className="chips" role="group" aria-label="Active filters">
      {active.map((filter) => (
        <button
          key={filter.label}
          type="button"
          className="chip"
          aria-label={`Remove filter ${filter.label}`}
          onClick={() => onChange(filter.without)}
        >
          <span className="chip-label">{filter.label}</span>
          <svg viewBox="0 0 10 10" aria-hidden="true" className="icon chip-remove">
            <path d="m2.5 2.5 5 5m0-5-5 5" />
          </svg>
        </button>
      ))}
      {active.length > 1 && (
        <button type="button" className="link-button chips-clear" onClick={() => onChange(NO_FILTERS)}>
          Clear all
        </button>
      )}
    </div>
  );
}
