import type { SearchResponse } from '../../../server/api/types.ts';
import { InternalLink } from '../url/internal-link.tsx';

interface QueryFeedbackProps {
  response: SearchResponse;
  /** Query string of the same view searching for another text. */
  searchFor: (q: string) => string;
}

/**
 * What the server made of the query: a did-you-mean, the synonyms it searched as well, words it
 * had to repair or ignore, and whether it fell back to matching any word. Shown above the results,
 * so a surprising list explains itself.
 */
export function QueryFeedback({ response, searchFor }: QueryFeedbackProps) {
  const notes = response.interpretation?.notes ?? [];
  const alsoSearched = response.alsoSearched ?? [];
  if (!response.suggestion && notes.length === 0 && alsoSearched.length === 0) return null;

  return (
    <div className="query-feedback">
      {alsoSearched.length > 0 && (
        <p className="also-searched">
          Also searched: {alsoSearched.join(', ')}
        </p>
      )}
      {response.suggestion && (
        <p className="did-you-mean">
          Did you mean{' '}
          <InternalLink search={searchFor(response.suggestion)} className="did-you-mean-link">
            {response.suggestion}
          </InternalLink>
          ?
        </p>
      )}
      {notes.length > 0 && (
        <ul className="query-notes">
          {notes.map((note, index) => (
            // Notes never reorder, so the position is a stable key.
            <li key={index}>
              {note.message}
              {note.replacement !== undefined && (
                <>
                  {' '}
                  <InternalLink search={searchFor(note.replacement)}>Search {note.replacement}</InternalLink>
                </>
              )}
            </li>
          ))}
          {response.interpretation && response.interpretation.readAs !== response.query.trim() && (
            <li>
              Searched for <code>{response.interpretation.readAs}</code>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
