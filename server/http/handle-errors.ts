import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorResponse } from '../api/types.ts';
import { EngineUnavailableError } from '../engine/engine-unavailable.ts';
import { HttpError } from './http-error.ts';

/** Unknown `/api/...` paths answer in JSON like every other API error. */
export const handleUnknownApiRoute: RequestHandler = (request, _response, next) => {
  next(new HttpError(404, 'not_found', `No API endpoint ${request.method} ${request.baseUrl}${request.path}`));
};

/** Any other path, once the client (if served) has had its turn: a 404 in the API's words. */
export const handleUnknownPath: RequestHandler = (request, _response, next) => {
  next(new HttpError(404, 'not_found', `Nothing at ${request.method} ${request.path}`));
};

/**
 * The one error handler: known errors keep their status and message; anything else is logged
 * and answered with a bare 500, never a stack trace.
 */
export const handleErrors: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  let body: ErrorResponse;
  let status: number;
  if (error instanceof HttpError) {
    status = error.status;
    body = { error: { code: error.code, message: error.message } };
  } else if (error instanceof EngineUnavailableError) {
    // The cluster is down, slow or red: the client may try again; the engine recovers by itself.
    status = 503;
    body = { error: { code: 'engine_unavailable', message: error.message } };
    response.setHeader('Retry-After', '1');
  } else if (error instanceof URIError) {
    // The router could not decode a path parameter (`/api/documents/%zz`): the client's mistake, not ours.
    status = 400;
    body = { error: { code: 'invalid_parameter', message: 'The address has a malformed %-escape (a % must be followed by two hexadecimal digits).' } };
  } else if (isBodyParserError(error)) {
    status = error.status;
    body = { error: { code: 'invalid_parameter', message: error.message } };
  } else {
    console.error('passim server: unexpected error', error);
    status = 500;
    body = { error: { code: 'internal_error', message: 'The server failed to answer this request.' } };
  }
  response.status(status).json(body);
};

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true;
}
