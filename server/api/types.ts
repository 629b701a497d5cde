/**
 * The HTTP API contract, shared by the server and the client (`import type` only on the client).
 * Later versions may add fields; they never remove or retype one.
 */

/** A piece of snippet text; `highlight` marks words that matched the query. */
export interface SnippetSegment {
  text: string;
  highlight: boolean;
}

/** `GET /api/search` query parameters, as the client sends them. */
export interface SearchParams {
  q: string;
  /** Source ids to keep (OR). Absent or empty: every source. */
  source?: string[];
  /** 1-based page number. Default 1. */
  page?: number;
  /** Hits per page, 1..50. Default 10. */
  limit?: number;
}

export interface SearchHit {
  /** Passage id, stable across rebuilds of an unchanged document, safe in a URL. */
  id: string;
  docId: string;
  title: string;
  /** Source id (the corpus folder name), the value to filter on. */
  source: string;
  /** Source display name from the catalog, or the source id. */
  sourceName: string;
  /** Speaker of the passage in a transcript, when known. */
  speaker?: string;
  /** 0-based position of the passage in its document. */
  ordinal: number;
  /** Character offsets of the passage in the document text of `GET /api/documents/:id`. */
  start: number;
  end: number;
  score: number;
  /** The passage's exact text (equal to document text `start`..`end`). */
  text: string;
  snippet: SnippetSegment[];
}

export interface FacetValue {
  value: string;
  /** Display name for the value. */
  label: string;
  count: number;
}

export interface SearchResponse {
  query: string;
  /** Number of matching passages (after filters). */
  total: number;
  page: number;
  limit: number;
  /** Time the server spent on the search, in milliseconds. */
  tookMs: number;
  hits: SearchHit[];
  /** Facet counts; a facet's counts ignore that facet's own filter. */
  facets: { source: FacetValue[] };
}

export interface PassageRef {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  speaker?: string;
}

export interface DocumentResponse {
  id: string;
  title: string;
  source: string;
  sourceName: string;
  /** The cleaned document text that passage offsets refer to. */
  text: string;
  passages: PassageRef[];
}

export interface HealthResponse {
  status: 'ok';
  documents: number;
  passages: number;
  /** ISO time the loaded index was built. */
  builtAt: string;
}

export type ErrorCode =
  | 'invalid_parameter'
  | 'not_found'
  | 'index_unavailable'
  /** 413: a request body the API does not take. */
  | 'too_large'
  /** 429: too many requests from one address; `Retry-After` says when to try again. */
  | 'rate_limited'
  | 'internal_error';

export interface ErrorResponse {
  error: { code: ErrorCode; message: string };
}
