import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentResponse } from '../../../server/api/types.ts';
import { requestJson } from './request-json.ts';

export function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentResponse> {
  return requestJson<DocumentResponse>(`/api/documents/${encodeURIComponent(id)}`, signal);
}

export function documentQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['document', id] as const,
    queryFn: ({ signal }) => fetchDocument(id, signal),
    // A document changes only when the index is rebuilt.
    staleTime: 5 * 60_000,
  });
}

export function useDocument(id: string) {
  return useQuery(documentQueryOptions(id));
}
