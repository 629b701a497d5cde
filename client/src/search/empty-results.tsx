interface EmptyResultsProps {
  query: string;
  hasSourceFilter: boolean;
  onClearSources: () => void;
}

export function EmptyResults({ query, hasSourceFilter, onClearSources }: EmptyResultsProps) {
  return (
    <div className="notice">
      <p className="notice-title">No passages match “{query}”{hasSourceFilter && ' in the selected sources'}.</p>
      <ul className="notice-hints">
        <li>Check the spelling.</li>
        <li>Try fewer words, or more general ones.</li>
        {hasSourceFilter && (
          <li>
            Search every source:{' '}
            <button type="button" className="link-button" onClick={onClearSources}>
              remove source filters
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
