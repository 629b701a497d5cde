import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchParams, SearchResponse } from '../../../server/api/types.ts';
import { requestJson } from './request-json.ts';

/** Hits per page; the server allows 1..50. */
export const SEARCH_PAGE_SIZE = 10;

/**
 * One canonical form per search, so equal searches share a cache entry:
 * sources are an OR, so their order does not matter.
 */
function normalizeSearchParams(params: SearchParams): Required<SearchParams> {
  return {
    q: params.q.trim(),
    source: [...new Set(params.source ?? [])].sort(),
    page: params.page ?? 1,
    limit: params.limit ?? SEARCH_PAGE_SIZE,
  };
}

export function fetchSearch(params: Required<SearchParams>, signal?: AbortSignal): Promise<SearchResponse> {
  const query = new URLSearchParams({ q: params.q });
  for (const source of params.source) query.append('source', source);
  query.set('page', String(params.page));
  query.set('limit', String(params.limit));
  return requestJson<SearchResponse>(`/api/search?${query}`, signal);
}

export function searchQueryOptions(params: SearchParams) {
  const normalized = normalizeSearchParams(params);
  return queryOptions({
    queryKey: ['search', normalized] as const,
    queryFn: ({ signal }) => fetchSearch(normalized, signal),
    // The server rejects a blank query; the UI shows its start state instead.
    enabled: normalized.q !== '',
    // Keep the last results on screen while the next ones load, so typing does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSearch(params: SearchParams) {
  return useQuery(searchQueryOptions(params));
}
