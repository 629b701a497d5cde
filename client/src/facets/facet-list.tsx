import { useId, useState } from 'react';
import type { FacetValue } from '../../../server/api/types.ts';
import { formatNumber, roundEstimate } from '../search/format-count.ts';

/** Above this many values a facet gets a filter box, and shows its top values until asked for all. */
const FILTER_THRESHOLD = 8;

interface FacetListProps {
  /** Heading, e.g. "Sources". */
  title: string;
  /** What one value is, for the filter box's label ("source", "speaker"). */
  noun: string;
  values: FacetValue[];
  selected: string[];
  onToggle: (value: string) => void;
  onClear: () => void;
  /** The counts are the server's estimates (`facetIsEstimate`): shown as "~480" and read as "about 480". */
  estimated?: boolean;
}

/** A multi-select list of facet values with their counts; counts ignore the facet's own selection. */
export function FacetList({ title, noun, values, selected, onToggle, onClear, estimated = false }: FacetListProps) {
  const headingId = useId();
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const items = withSelectedValues(values, selected);
  const isLong = items.length > FILTER_THRESHOLD;
  const needle = filter.trim().toLocaleLowerCase();
  const matching = needle === '' ? items : items.filter((item) => item.label.toLocaleLowerCase().includes(needle));
  // Selected values stay in view even when the list is cut short.
  const shown =
    !isLong || showAll || needle !== ''
      ? matching
      : matching.filter((item, index) => index < FILTER_THRESHOLD || selected.includes(item.value));

  return (
    <section className="facet" aria-labelledby={headingId}>
      <div className="facet-header">
        <h3 id={headingId} className="facet-heading">
          {title}
        </h3>
        {selected.length > 0 && (
          <button type="button" className="link-button" aria-label={`Clear ${title.toLowerCase()}`} onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      {isLong && (
        <input
          type="search"
          className="field facet-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={`Filter ${items.length} ${title.toLowerCase()}`}
          aria-label={`Filter ${title.toLowerCase()} by name`}
          autoComplete="off"
        />
      )}
      {items.length === 0 ? (
        <p className="facet-empty">No {noun} has a match.</p>
      ) : matching.length === 0 ? (
        <p className="facet-empty">No {noun} named “{filter.trim()}”.</p>
      ) : (
        <ul className="facet-list">
          {shown.map((item) => {
            const isSelected = selected.includes(item.value);
            const count = estimated ? formatNumber(roundEstimate(item.count)) : formatNumber(item.count);
            return (
              <li key={item.value}>
                <button
                  type="button"
                  className="facet-toggle"
                  aria-pressed={isSelected}
                  onClick={() => onToggle(item.value)}
                >
                  <span className="facet-check" aria-hidden="true" />
                  <span className="facet-label">{item.label}</span>
                  {/* Named "Label (count)", so a screen reader does not run the count into the label. */}
                  <span className="facet-count">
                    <span aria-hidden="true">{estimated ? `~${count}` : count}</span>
                    <span className="visually-hidden">({estimated ? `about ${count}` : count})</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {isLong && needle === '' && (
        <button type="button" className="link-button facet-more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${formatNumber(items.length)}`}
        </button>
      )}
    </section>
  );
}

/**
 * A selected value with no match for the query is missing from the facet counts;
 * it is listed anyway (with 0) so the user can still turn it off.
 */
function withSelectedValues(values: FacetValue[], selected: string[]): FacetValue[] {
  const missing = selected
    .filter((value) => !values.some((item) => item.value === value))
    .map((value) => ({ value, label: value, count: 0 }));
  return [...values, ...missing];
}
