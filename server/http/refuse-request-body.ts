import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/** Largest request body let through to the routes. Every endpoint is a GET; a body is never read. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

/**
 * Refuses a request whose body is larger than `MAX_REQUEST_BODY_BYTES`, or of unknown length, with a
 * 413 before anything reads it, and closes the connection: otherwise Node would read and discard an
 * upload of any size to keep the connection usable.
 */
export const refuseRequestBody: RequestHandler = (request, response, next) => {
  const declared = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || Number(declared) <= MAX_REQUEST_BODY_BYTES)) {
    next();
    return;
  }
  response.setHeader('Connection', 'close');
  const message = chunked
    ? 'Request bodies of unknown length are not accepted: this API only answers GET requests with parameters in the address.'
    : `Request body too large (${declared} bytes, at most ${MAX_REQUEST_BODY_BYTES}): this API only answers GET requests with parameters in the address.`;
  next(new HttpError(413, 'too_large', message));
};
