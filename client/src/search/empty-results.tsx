interface EmptyResultsProps {
  query: string;
  hasFilters: boolean;
  onClearFilters: () => void;
}

export function EmptyResults({ query, hasFilters, onClearFilters }: EmptyResultsProps) {
  return (
    <div className="notice">
      <p className="notice-title">
        No passages match “{query}”{hasFilters && ' with the filters you chose'}.
      </p>
      <ul className="notice-hints">
        <li>Check the spelling; words of five letters or more tolerate one typo.</li>
        <li>Try fewer words, or more general ones. Every word must match.</li>
        <li>
          Quotes ask for an exact phrase: drop them to find the words apart. <code>OR</code> accepts either word.
        </li>
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
