import type { ErrorResponse } from '../../../server/api/types.ts';
import { ApiError } from './api-error.ts';

/**
 * GETs a JSON API path (or POSTs `body` as JSON to it). Failures become an `ApiError` with the server's
 * message; an abort is rethrown untouched so TanStack Query can tell a cancel from a failure.
 */
export async function requestJson<T>(path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response =
      body === undefined
        ? await fetch(path, { signal, headers: { accept: 'application/json' } })
        : await fetch(path, { signal, method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and retry.');
  }

  const answer: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    if (answer === undefined) {
      throw new ApiError(response.status, 'unexpected_response', 'The server sent a response that is not JSON.');
    }
    return answer as T;
  }
  if (isErrorResponse(answer)) {
    throw new ApiError(response.status, answer.error.code, answer.error.message);
  }
  throw new ApiError(response.status, 'unexpected_response', `The server answered ${response.status} ${response.statusText}.`.trim());
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}
