import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { FacetFilterParams, SearchParams, SearchResponse, SearchSort, SortParams } from '../../../server/api/types.ts';
import type { FilterState } from '../url/url-state.ts';
import { requestJson } from './request-json.ts';

/** Hits per page; the server allows 1..50. */
export const SEARCH_PAGE_SIZE = 10;

/** Most `year` values the server takes in one request. */
const MAX_YEAR_VALUES = 50;

/** Everything a search request carries, in one canonical form. */
export type SearchRequest = Required<SearchParams> & Required<FacetFilterParams> & Required<SortParams>;

/** What the results view asks for: the query, the filters as the URL holds them, a page. */
export interface SearchInput extends FilterState {
  q: string;
  page: number;
  /**
   * The last word is still being typed: it also matches as a prefix. Otherwise (after Enter, a pick,
   * or on arriving at a view) the query is sent with a trailing space, which tells the server every
   * word is finished, so `moon OR mars` does not match "marshals".
   */
  typing?: boolean;
  /** Default `relevance`. */
  sort?: SearchSort;
}

/**
 * One canonical form per search, so equal searches share a cache entry:
 * filter values are an OR, so their order does not matter. A year range is sent as its
 * years (the year facet's counts then ignore it, so the histogram keeps every bar); a
 * range longer than the server takes in `year` values becomes a `year:from..to` filter in
 * the query, which narrows the year counts too (see `isWideYearRange`).
 */
export function toSearchRequest(input: SearchInput): SearchRequest {
  const words = input.q.trim();
  // A typed trailing space finishes the last word too (one space is all the server reads).
  const q = words === '' ? '' : input.typing && !/\s$/.test(input.q) ? words : `${words} `;
  const years: string[] = [];
  if (input.years && isWideYearRange(input)) {
    return { ...toSearchRequest({ ...input, years: null }), q: `${words} ${formatYearFilter(input.years)} ` };
  }
  if (input.years) for (let year = input.years.from; year <= input.years.to; year++) years.push(String(year));
  return {
    q,
    source: canonicalList(input.sources),
    speaker: canonicalList(input.speakers),
    lang: canonicalList(input.langs),
    year: years,
    sort: input.sort ?? 'relevance',
    page: input.page,
    limit: SEARCH_PAGE_SIZE,
  };
}

/** Whether a search's year range is sent in its query text rather than as `year` values. */
export function isWideYearRange({ years }: Pick<SearchInput, 'years'>): boolean {
  return years !== null && years.to - years.from + 1 > MAX_YEAR_VALUES;
}

function formatYearFilter({ from, to }: { from: number; to: number }): string {
  return `year:${from}..${to}`;
}

/** A server text (a did-you-mean) without the year filter a wide range added to the query. */
export function withoutYearFilter(text: string, input: Pick<SearchInput, 'years'>): string {
  return input.years && isWideYearRange(input) ? text.replace(` ${formatYearFilter(input.years)}`, '').trim() : text;
}

export function fetchSearch(request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
  const query = new URLSearchParams({ q: request.q });
  for (const name of ['source', 'speaker', 'lang', 'year'] as const) {
    for (const value of request[name]) query.append(name, value);
  }
  if (request.sort !== 'relevance') query.set('sort', request.sort);
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

export function useSearch(input: SearchInput, enabled = true) {
  const options = searchQueryOptions(input);
  return useQuery({ ...options, enabled: enabled && options.enabled !== false });
}

/**
 * Starts a search before the view that shows it renders: a typed query's request then leaves as
 * soon as the search box commits it, and the server works while the page re-renders.
 */
export function usePrefetchSearch(): (input: SearchInput) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (input: SearchInput) => {
      const options = searchQueryOptions(input);
      if (options.enabled !== false) void queryClient.prefetchQuery(options);
    },
    [queryClient],
  );
}

function canonicalList(values: string[]): string[] {
  return [...new Set(values)].sort();
}
