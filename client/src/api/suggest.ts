import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SuggestResponse } from '../../../server/api/types.ts';
import { requestJson } from './request-json.ts';

export function fetchSuggestions(q: string, signal?: AbortSignal): Promise<SuggestResponse> {
  return requestJson<SuggestResponse>(`/api/suggest?${new URLSearchParams({ q })}`, signal);
}

export function suggestQueryOptions(q: string) {
  const text = q.trim();
  return queryOptions({
    queryKey: ['suggest', text] as const,
    queryFn: ({ signal }) => fetchSuggestions(text, signal),
    enabled: text !== '',
    // The list follows typing like the results do: the last completions stay until new ones come.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    // Completions are a convenience: a failure hides them, it is not worth a second request.
    retry: false,
  });
}

export function useSuggestions(q: string, enabled: boolean) {
  return useQuery({ ...suggestQueryOptions(q), enabled: enabled && q.trim() !== '' });
}
