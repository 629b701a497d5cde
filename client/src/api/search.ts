import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FacetFilterParams, SearchParams, SearchResponse } from '../../../server/api/types.ts';
import type { FilterState } from '../url/url-state.ts';
import { requestJson } from './request-json.ts';

/** Hits per page; the server allows 1..50. */
export const SEARCH_PAGE_SIZE = 10;

/** Everything a search request carries, in one canonical form. */
export type SearchRequest = Required<SearchParams> & Required<FacetFilterParams>;

/** What the results view asks for: the query, the filters as the URL holds them, a page. */
export interface SearchInput extends FilterState {
  q: string;
  page: number;
}

/**
 * One canonical form per search, so equal searches share a cache entry:
 * filter values are an OR, so their order does not matter. A year range is sent as
 * its years, since the API filters on years one by one.
 */
export function toSearchRequest(input: SearchInput): SearchRequest {
  const years: string[] = [];
  if (input.years) for (let year = input.years.from; year <= input.years.to; year++) years.push(String(year));
  return {
    q: input.q.trim(),
    source: canonicalList(input.sources),
    speaker: canonicalList(input.speakers),
    lang: canonicalList(input.langs),
    year: years,
    page: input.page,
    limit: SEARCH_PAGE_SIZE,
  };
}

export function fetchSearch(request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
  const query = new URLSearchParams({ q: request.q });
  for (const name of ['source', 'speaker', 'lang', 'year'] as const) {
    for (const value of request[name]) query.append(name, value);
  }
  query.set('page', String(request.page));
  query.set('limit', String(request.limit));
  return requestJson<SearchResponse>(`/api/search?${query}`, signal);
}

export function searchQueryOptions(input: SearchInput) {
  const request = toSearchRequest(input);
  return queryOptions({
    queryKey: ['search', request] as const,
    queryFn: ({ signal }) => fetchSearch(request, signal),
    // The server rejects a blank query; the UI shows its start state instead.
    enabled: request.q !== '',
    // Keep the last results on screen while the next ones load, so typing does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSearch(input: SearchInput) {
  return useQuery(searchQueryOptions(input));
}

function canonicalList(values: string[]): string[] {
  return [...new Set(values)].sort();
}
