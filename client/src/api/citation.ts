import type { CitationExportFormat, CitationsRequest, CitationsResponse, CitationStyle, CitedPassage } from '../../../server/api/types.ts';
import { requestJson } from './request-json.ts';

/** A passage, or words selected in it, cited in one style by the server (the one citation formatter). */
export function fetchCitation(passageId: string, style: CitationStyle, quote?: string): Promise<CitedPassage> {
  const params = new URLSearchParams({ style });
  if (quote !== undefined) params.set('quote', quote);
  return requestJson<CitedPassage>(`/api/passages/${encodeURIComponent(passageId)}/citation?${params}`);
}

/**
 * Citations asked for, by passage, style and quote: a Copy whose citation was fetched when the pointer
 * reached the button puts it on the clipboard at once. A failed request is forgotten, so Copy retries.
 */
const fetched = new Map<string, Promise<CitedPassage>>();
const MAX_REMEMBERED = 200;

export function getCitation(passageId: string, style: CitationStyle, quote?: string): Promise<CitedPassage> {
  const key = JSON.stringify([passageId, style, quote ?? null]);
  const known = fetched.get(key);
  if (known) return known;
  if (fetched.size >= MAX_REMEMBERED) fetched.delete(fetched.keys().next().value!);
  const request = fetchCitation(passageId, style, quote);
  fetched.set(key, request);
  request.catch(() => fetched.delete(key));
  return request;
}

/** Collected passages as a reference list or a file, formatted by the server. */
export function fetchCollection(format: CitationExportFormat, items: CitationsRequest['items']): Promise<CitationsResponse> {
  const body: CitationsRequest = { format, items };
  return requestJson<CitationsResponse>('/api/citations', undefined, body);
}
