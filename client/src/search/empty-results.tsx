interface EmptyResultsProps {
  query: string;
  hasFilters: boolean;
  onClearFilters: () => void;
}

/** Nothing matched: what the search was, and the hints that fit it. */
export function EmptyResults({ query, hasFilters, onClearFilters }: EmptyResultsProps) {
  return (
    <div className="notice">
      <p className="notice-title">
        No passages match <q className="notice-query">{query}</q>
        {hasFilters && ' with the filters you chose'}.
      </p>
      <ul className="notice-hints">
        <li>Check the spelling; words of five letters or more tolerate one typo.</li>
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
