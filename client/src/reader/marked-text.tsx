import type { TextRun } from './mark-matches.ts';

/** Text runs as text nodes and numbered `<mark>`s; document text is never parsed as HTML. */
export function MarkedText({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        // Runs of a text never reorder, so the position is a stable key.
        run.match ? (
          <mark key={index} data-match={run.match.index}>
            {run.text}
          </mark>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
