import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/** Largest request body let through to the routes that read none (every endpoint but those below). */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

/** The route that checks a quote too long for an address, as JSON (20,000 characters, escaped). */
export const MAX_QUOTE_BODY_BYTES = 128 * 1024;

/** Routes that read a JSON body, with the largest they take: a quote, and a tray of passages with notes (`POST /api/citations`). */
const BODY_ROUTES: Record<string, number> = { 'POST /api/quote': MAX_QUOTE_BODY_BYTES, 'POST /api/citations': 1024 * 1024 };

const bodyLimit = (method: string, path: string) => BODY_ROUTES[`${method} ${path}`] ?? MAX_REQUEST_BODY_BYTES;

/**
 * Refuses a request whose body is larger than `MAX_REQUEST_BODY_BYTES`, or of unknown length, with a
 * 413 before anything reads it, and closes the connection: otherwise Node would read and discard an
 * upload of any size to keep the connection usable.
 */
export const refuseRequestBody: RequestHandler = (request, response, next) => {
  const declared = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  const limit = bodyLimit(request.method, request.path);
  if (!chunked && (declared === undefined || Number(declared) <= limit)) {
    next();
    return;
  }
  response.setHeader('Connection', 'close');
  const message = chunked
    ? 'Request bodies of unknown length are not accepted: send a Content-Length (only POST /api/quote and POST /api/citations read a body).'
    : `Request body too large (${declared} bytes, at most ${limit}): only POST /api/quote and POST /api/citations read a body; every other endpoint takes its parameters in the address.`;
  next(new HttpError(413, 'too_large', message));
};
