import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiLimits, QuoteResponse } from '../../../server/api/types.ts';
import { requestJson } from './request-json.ts';

/** Longest quote sent in the address; a longer one is posted. */
const MAX_QUOTE_GET_LENGTH: ApiLimits['quoteGet'] = 5000;

/** Where a pasted quote comes from and whether it was quoted right (`GET`, or `POST` for a long one). */
export function fetchQuoteCheck(text: string, signal?: AbortSignal): Promise<QuoteResponse> {
  if (text.length <= MAX_QUOTE_GET_LENGTH) return requestJson<QuoteResponse>(`/api/quote?${new URLSearchParams({ text })}`, signal);
  return requestJson<QuoteResponse>('/api/quote', signal, { text });
}

export function quoteCheckQueryOptions(text: string) {
  return queryOptions({
    queryKey: ['quote', text] as const,
    queryFn: ({ signal }) => fetchQuoteCheck(text, signal),
    enabled: text.trim() !== '',
    staleTime: 5 * 60_000,
  });
}

export function useQuoteCheck(text: string) {
  return useQuery(quoteCheckQueryOptions(text));
}
