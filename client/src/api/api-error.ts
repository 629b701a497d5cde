import type { ErrorCode } from '../../../server/api/types.ts';

/** A failed API call, carrying the server's message so the UI can show it as is. */
export class ApiError extends Error {
  readonly status: number;
  /** The server's error code, or `network_error` when the server could not be reached. */
  readonly code: ErrorCode | 'network_error' | 'unexpected_response';

  constructor(status: number, code: ApiError['code'], message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  /** Retrying a request the server called invalid or missing gives the same answer. */
  get isPermanent(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/** False for answers that would come back the same (a bad query, a missing document). */
export function isWorthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError && error.isPermanent);
}
