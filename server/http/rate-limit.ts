import cluster from 'node:cluster';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './http-error.ts';

/**
 * API requests per minute per client address when `PASSIM_RATE_LIMIT` is not set. A team shares one
 * address behind a router or proxy, and the client searches as you type (a search and a suggestion per
 * keystroke after a 150 ms pause, up to about 12 requests a second while someone types): 3000 a minute
 * lets ten people type at once and still stops a runaway script from taking the whole server.
 */
export const DEFAULT_REQUESTS_PER_MINUTE = 3000;

const WINDOW_MS = 60_000;

/**
 * Reads `PASSIM_RATE_LIMIT` (requests per minute per client; `0` turns limiting off, as benchmarks and
 * load tests do). Unset or empty gives the default; anything but a whole number is refused.
 */
export function readRateLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PASSIM_RATE_LIMIT?.trim();
  if (raw === undefined || raw === '') return DEFAULT_REQUESTS_PER_MINUTE;
  if (!/^\d{1,9}$/.test(raw)) {
    throw new RangeError(`PASSIM_RATE_LIMIT must be a whole number of requests per minute per client (0 turns limiting off), got "${raw}"`);
  }
  return Number(raw);
}

/**
 * Limits each client address to `requestsPerMinute` requests in a fixed one-minute window, with the
 * maintained express-rate-limit middleware (it keys IPv6 clients by /56 subnet, so one machine cannot
 * dodge the limit by rotating addresses). A limited client gets a 429 with `Retry-After` in seconds and
 * the usual JSON error; `RateLimit` headers tell every client where it stands. 0 turns it off.
 * In a worker of `--workers N`, the counts are kept by the primary process (its maintained cluster
 * store), so a client's limit holds across the workers its connections land on.
 */
export function limitRequests(requestsPerMinute: number): RequestHandler {
  if (requestsPerMinute === 0) return (_request, _response, next) => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: requestsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(cluster.isWorker ? { store: new ClusterMemoryStoreWorker() } : {}),
    handler: (_request, response, next) => {
      const retryAfter = response.getHeader('Retry-After') ?? '60';
      next(
        new HttpError(429, 'rate_limited', `Too many requests from your address (at most ${requestsPerMinute} a minute). Retry in ${retryAfter} seconds.`),
      );
    },
  });
}
