import type { SearchResponse } from '../../../server/api/types.ts';
import { findEmptyingFilters } from '../facets/facet-filters.ts';
import type { FilterState } from '../url/url-state.ts';
import { formatCount } from './format-count.ts';

interface EmptyResultsProps {
  query: string;
  filters: FilterState;
  hasFilters: boolean;
  facets: SearchResponse['facets'] | undefined;
  onChangeFilters: (filters: Partial<FilterState>) => void;
  onClearFilters: () => void;
}

/** Nothing matched: what the search was, which filter emptied it, and the hints that fit it. */
export function EmptyResults({ query, filters, hasFilters, facets, onChangeFilters, onClearFilters }: EmptyResultsProps) {
  const emptying = hasFilters ? findEmptyingFilters(filters, facets) : [];
  return (
    <div className="notice">
      <p className="notice-title">
        No passages match <q className="notice-query">{query}</q>
        {hasFilters && ' with the filters you chose'}.
      </p>
      {emptying.length > 0 && (
        <ul className="notice-filters">
          {emptying.map((filter) => (
            <li key={filter.label}>
              <strong>{filter.label}</strong> leaves none: without it, {formatCount(filter.matches, 'passage matches', 'passages match')}.{' '}
              <button type="button" className="link-button" onClick={() => onChangeFilters(filter.without)}>
                Drop this filter
              </button>
            </li>
          ))}
        </ul>
      )}
      <ul className="notice-hints">
        <li>Check the spelling; a word the archive does not hold tolerates a typo.</li>
        <li>
          Try fewer words, or more general ones: every word must match, but <code>OR</code> accepts either of two.
        </li>
        {query.includes('"') && <li>Quotes ask for the exact phrase: drop them to find the words apart.</li>}
        {/(^|\s)-\S/.test(query) && <li>A word after a minus sign is excluded: passages that say it are left out.</li>}
        {hasFilters && (
          <li>
            Search everywhere:{' '}
            <button type="button" className="link-button" onClick={onClearFilters}>
              remove the filters
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
