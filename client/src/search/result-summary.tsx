import { useEffect } from 'react';
import type { SearchResponse } from '../../../server/api/types.ts';
import { formatCount, formatEstimatedCount } from './format-count.ts';
import { countDocuments } from './group-hits.ts';
import { publishResultCount } from './result-count-store.ts';

interface ResultSummaryProps {
  /** The response on screen; undefined while the first search loads or after a failure. */
  response: SearchResponse | undefined;
  isLoading: boolean;
}

/** "24 passages in 3 documents · 3 ms" (or "about 480,000 passages · 4 ms"), announced politely so screen readers hear each new count. */
export function ResultSummary({ response, isLoading }: ResultSummaryProps) {
  let text = '';
  let count = '';
  if (response) {
    // An estimated total (a query matching much of a large archive) says so: "about 480,000 passages".
    const documents = response.totalIsEstimate ? undefined : countDocuments(response.hits, response.total);
    const passages = (response.totalIsEstimate ? formatEstimatedCount : formatCount)(response.total, 'passage', 'passages');
    const where = documents === undefined || response.total === 0 ? '' : ` in ${formatCount(documents, 'document', 'documents')}`;
    count = `${passages}${where}`;
    text = `${count} · ${formatDuration(response.tookMs)}`;
  } else if (isLoading) text = 'Searching…';
  useEffect(() => {
    publishResultCount(count);
    return () => publishResultCount('');
  }, [count]);

  return (
    <p className="result-summary" role="status" aria-live="polite">
      {text}
    </p>
  );
}

function formatDuration(ms: number): string {
  return ms < 1 ? '<1 ms' : `${Math.round(ms)} ms`;
}
