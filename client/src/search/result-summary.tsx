import type { SearchResponse } from '../../../server/api/types.ts';
import { formatCount } from './format-count.ts';

interface ResultSummaryProps {
  /** The response on screen; undefined while the first search loads or after a failure. */
  response: SearchResponse | undefined;
  isLoading: boolean;
}

/** "24 passages · 3 ms", announced politely so screen readers hear each new count. */
export function ResultSummary({ response, isLoading }: ResultSummaryProps) {
  let text = '';
  if (response) text = `${formatCount(response.total, 'passage', 'passages')} · ${formatDuration(response.tookMs)}`;
  else if (isLoading) text = 'Searching…';

  return (
    <p className="result-summary" role="status" aria-live="polite">
      {text}
    </p>
  );
}

function formatDuration(ms: number): string {
  return ms < 1 ? '<1 ms' : `${Math.round(ms)} ms`;
}
