import type { FacetValue } from '../../../server/api/types.ts';
import { formatNumber } from './format-count.ts';

interface SourceFacetProps {
  /** Facet values from the last response; undefined while the first search loads or after a failure. */
  values: FacetValue[] | undefined;
  isLoading: boolean;
  selected: string[];
  onToggle: (source: string) => void;
  onClear: () => void;
}

export function SourceFacet({ values, isLoading, selected, onToggle, onClear }: SourceFacetProps) {
  const items = withSelectedSources(values ?? [], selected);

  return (
    <section className="facet" aria-labelledby="source-facet-heading">
      <div className="facet-header">
        <h2 id="source-facet-heading" className="facet-heading">
          Sources
        </h2>
        {selected.length > 0 && (
          <button type="button" className="link-button" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      {values === undefined ? (
        isLoading && <p className="facet-empty">Loading sources…</p>
      ) : items.length === 0 ? (
        <p className="facet-empty">No source has a match.</p>
      ) : (
        <ul className="facet-list">
          {items.map((item) => {
            const isSelected = selected.includes(item.value);
            const count = formatNumber(item.count);
            return (
              <li key={item.value}>
                <button
                  type="button"
                  className="facet-toggle"
                  aria-pressed={isSelected}
                  aria-label={`${item.label} (${count})`}
                  onClick={() => onToggle(item.value)}
                >
                  <span className="facet-check" aria-hidden="true" />
                  <span className="facet-label">{item.label}</span>
                  <span className="facet-count">{count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * A selected source with no match for the query is missing from the facet counts;
 * it is listed anyway (with 0) so the user can still turn it off.
 */
function withSelectedSources(values: FacetValue[], selected: string[]): FacetValue[] {
  const missing = selected
    .filter((source) => !values.some((value) => value.value === source))
    .map((source) => ({ value: source, label: source, count: 0 }));
  return [...values, ...missing];
}
