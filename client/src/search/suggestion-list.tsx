import type { Suggestion } from '../../../server/api/types.ts';
import { useResultCount } from './result-count-store.ts';

interface SuggestionListProps {
  id: string;
  suggestions: Suggestion[];
  /** Index of the option the arrow keys are on, or -1. */
  active: number;
  onPick: (suggestion: Suggestion) => void;
}

/** HTML id of an option, for the input's aria-activedescendant. */
export function suggestionOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** Completions under the search box; the input keeps focus, the arrow keys move `active`. */
export function SuggestionList({ id, suggestions, active, onPick }: SuggestionListProps) {
  const resultCount = useResultCount();
  return (
    // A press on the count must not blur the input and close the list.
    <div className="popover suggestions" onPointerDown={(event) => event.preventDefault()}>
      <ul id={id} role="listbox" aria-label="Suggestions" className="suggestion-options">
        {suggestions.map((suggestion, index) => (
          <li
            key={`${suggestion.kind}:${suggestion.text}:${suggestion.docId ?? ''}`}
            id={suggestionOptionId(id, index)}
            role="option"
            aria-selected={index === active}
            className="suggestion"
            // Keep focus in the input: a click must not blur it and close the list first.
            onPointerDown={(event) => event.preventDefault()}
            onClick={() => onPick(suggestion)}
          >
            {suggestion.kind === 'title' && (
              <svg viewBox="0 0 16 16" aria-hidden="true" className="icon suggestion-icon">
                <path d="M4 1.5h5.5l3 3v10h-8.5zM9.5 1.5v3h3M6 8h5M6 10.5h5" />
              </svg>
            )}
            <span className="suggestion-text">{suggestion.text}</span>
            {suggestion.kind === 'title' && <span className="suggestion-kind">Open document</span>}
          </li>
        ))}
      </ul>
      {/* The list opens over the results: their count stays in sight at its foot (the status line announces it). */}
      {resultCount !== '' && (
        <p className="suggestion-count" aria-hidden="true">
          {resultCount} so far
        </p>
      )}
    </div>
  );
}
