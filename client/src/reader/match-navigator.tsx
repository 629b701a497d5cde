import { formatNumber } from '../search/format-count.ts';
import type { MatchStepper } from './use-match-stepper.ts';

/** "Match 3 of 17" with previous/next buttons; n and p do the same from the keyboard. */
export function MatchNavigator({ stepper, terms }: { stepper: MatchStepper; terms: string[] }) {
  const { current, count } = stepper;
  if (count === 0) {
    return terms.length > 0 ? <p className="match-nav match-nav-empty">No matches of your search in this document.</p> : null;
  }
  return (
    <div className="match-nav" role="group" aria-label="Matches of your search">
      <p className="match-nav-position" role="status">
        {current < 0 ? `${formatNumber(count)} ${count === 1 ? 'match' : 'matches'}` : `Match ${formatNumber(current + 1)} of ${formatNumber(count)}`}
      </p>
      <div className="match-nav-buttons">
        <button type="button" className="button button-small" onClick={stepper.previous} aria-keyshortcuts="p" aria-label="Previous match">
          <svg viewBox="0 0 10 10" aria-hidden="true" className="icon">
            <path d="m2.5 6.5 2.5-3 2.5 3" />
          </svg>
          Previous
        </button>
        <button type="button" className="button button-small" onClick={stepper.next} aria-keyshortcuts="n" aria-label="Next match">
          <svg viewBox="0 0 10 10" aria-hidden="true" className="icon">
            <path d="m2.5 3.5 2.5 3 2.5-3" />
          </svg>
          Next
        </button>
      </div>
      {terms.length > 0 && (
        <p className="match-nav-terms">
          {terms.map((term) => (
            <mark key={term}>{term}</mark>
          ))}
        </p>
      )}
    </div>
  );
}
