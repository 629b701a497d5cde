import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentResponse } from '../../../server/api/types.ts';
import { requestJson } from './request-json.ts';

/** A document's text; with `q`, also where the query's words are in it, for highlighting. */
export function fetchDocument(id: string, q: string, signal?: AbortSignal): Promise<DocumentResponse> {
  const query = q === '' ? '' : `?${new URLSearchParams({ q })}`;
  return requestJson<DocumentResponse>(`/api/documents/${encodeURIComponent(id)}${query}`, signal);
}

export function documentQueryOptions(id: string, q = '') {
  const text = q.trim();
  return queryOptions({
    queryKey: ['document', id, text] as const,
    queryFn: ({ signal }) => fetchDocument(id, text, signal),
    // A document changes only when the index is rebuilt.
    staleTime: 5 * 60_000,
    // Another query on the same document keeps the text on screen while its highlights load.
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
}

export function useDocument(id: string, q = '') {
  return useQuery(documentQueryOptions(id, q));
}
