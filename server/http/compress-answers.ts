import compression from 'compression';
import type { RequestHandler, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Brotli's quality for what the server sends (the `compression` middleware's default is 4). Measured on
 * the 1205 search answers of the bench at SOTU x1 (median 17.3 KB plain): quality 2 gives 5.3 KB in
 * 0.13 ms of CPU, quality 4 5.0 KB in 0.26 ms (gzip at its default level: 5.0 KB in 0.24 ms). Every
 * keystroke's answer is compressed, so half the CPU is worth 6% more bytes.
 */
export const BROTLI_QUALITY = 2;

/** Whether an Accept-Encoding header names any coding but `identity` (`gzip`, `br;q=1.0`, `*`). */
function namesAnEncoding(accepted: string | undefined): boolean {
  return accepted !== undefined && accepted.split(',').some((coding) => !['', 'identity'].includes(coding.split(';', 1)[0]!.trim().toLowerCase()));
}

/** Answers shorter than this go out as they are, by `sendCompressedJson` and the `compression` middleware alike. */
const SMALLEST_COMPRESSED = 1024;

/**
 * A JSON answer compressed in one call on the request's own turn of the event loop. The `compression`
 * middleware compresses a stream on libuv's thread pool, so a compressed answer takes more turns of
 * the event loop; while a new index loads in slices, each turn waits for a slice (up to 40 ms), and
 * searches during a swap took twice as long as uncompressed ones. One call is also cheaper (no stream).
 */
function sendCompressedJson(encoding: 'br' | 'gzip', response: Response, body: unknown): Response {
  const text = Buffer.from(JSON.stringify(body));
  if (!response.getHeader('Content-Type')) response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.vary('Accept-Encoding');
  if (text.length < SMALLEST_COMPRESSED) return response.send(text);
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.length } })
      : gzipSync(text);
  // Set before sending, so the `compression` middleware sees the answer as already encoded and leaves it.
  response.setHeader('Content-Encoding', encoding);
  return response.send(compressed);
}

/**
 * gzip or brotli by Accept-Encoding, for API answers and the client's files alike (a 10-hit answer
 * goes from about 17 KB to 5). JSON answers are compressed in one call (`sendCompressedJson`); the
 * client's files by expressjs's own middleware, maintained beside Express. It wraps every response's
 * write, end and headers to decide, which cost a few per cent of a search's CPU on requests that take
 * no encoding at all (scripts, load generators, curl without --compressed): those skip it, and get the
 * same `Vary: Accept-Encoding` so that a cache keeps the versions apart.
 */
export function compressAnswers(): RequestHandler {
  const compress = compression({ threshold: SMALLEST_COMPRESSED, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } });
  return (request, response, next) => {
    if (namesAnEncoding(request.headers['accept-encoding'])) {
      const encoding = request.acceptsEncodings('br', 'gzip');
      if (encoding === 'br' || encoding === 'gzip') response.json = (body: unknown) => sendCompressedJson(encoding, response, body);
      compress(request, response, next);
      return;
    }
    response.vary('Accept-Encoding');
    next();
  };
}
