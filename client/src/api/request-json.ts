import type { ErrorResponse } from '../../../server/api/types.ts';
import { ApiError } from './api-error.ts';

/**
 * GETs a JSON API path. Failures become an `ApiError` with the server's message;
 * an abort is rethrown untouched so TanStack Query can tell a cancel from a failure.
 */
export async function requestJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and retry.');
  }

  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    if (body === undefined) {
      throw new ApiError(response.status, 'unexpected_response', 'The server sent a response that is not JSON.');
    }
    return body as T;
  }
  if (isErrorResponse(body)) {
    throw new ApiError(response.status, body.error.code, body.error.message);
  }
  throw new ApiError(response.status, 'unexpected_response', `The server answered ${response.status} ${response.statusText}.`.trim());
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}
