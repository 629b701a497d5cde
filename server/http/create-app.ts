import express, { type Express } from 'express';
import { createTermIndexEngine } from '../engine/term-index-engine.ts';
import type { SearchEngine } from '../engine/search-engine.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { readAllowedHosts, refuseUnknownHosts } from './allowed-hosts.ts';
import { compressAnswers } from './compress-answers.ts';
import { handleErrors, handleUnknownApiRoute, handleUnknownPath } from './handle-errors.ts';
import { limitRequests, readRateLimit } from './rate-limit.ts';
import { refuseMalformedQuery } from './refuse-malformed-query.ts';
import { refuseRequestBody } from './refuse-request-body.ts';
import { documentsRoute } from './routes/documents-route.ts';
import { healthRoute } from './routes/health-route.ts';
import { socketUrl, type LinkBase } from './public-url.ts';
import { citationsRoute } from './routes/citations-route.ts';
import { passagesRoute } from './routes/passages-route.ts';
import { quoteRoute } from './routes/quote-route.ts';
import { searchRoute } from './routes/search-route.ts';
import { suggestRoute } from './routes/suggest-route.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { serveClient } from './serve-client.ts';
import type { TrustProxy } from './trust-proxy.ts';

/** What answers the API: an engine, or a term index to serve (a function so that a newer index can be swapped in while serving). */
export type AppEngine = { engine: SearchEngine } | { getIndex: () => LoadedIndex };

export type AppOptions = AppEngine & {
  /** Folder of the built client (`client/dist`). Without it, only the API is served. */
  clientDir?: string;
  /** API requests per minute per client address; 0 turns limiting off. Default: `PASSIM_RATE_LIMIT`, else 3000. */
  requestsPerMinute?: number;
  /** Proxies whose `X-Forwarded-*` headers are believed (client address and protocol). Default: none. */
  trustProxy?: TrustProxy;
  /** Host names the server answers to; any other gets a 421. Default: `readAllowedHosts('127.0.0.1')` (loopback names, or `PASSIM_ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[];
  /**
   * The address links start with (citations, permalinks; see public-url.ts). Default: the address and
   * port the request reached the server at (its socket's, never its Host header).
   */
  publicUrl?: () => string;
};

/** The HTTP application: the JSON API under `/api`, and the built client for every other path. */
export function createApp(options: AppOptions): Express {
  const { clientDir, requestsPerMinute = readRateLimit(), trustProxy = false, allowedHosts = readAllowedHosts('127.0.0.1') } = options;
  const engine = 'engine' in options ? options.engine : createTermIndexEngine(options.getIndex);
  const publicUrl: LinkBase = options.publicUrl ? () => options.publicUrl!() : (request) => socketUrl(request.socket.localAddress ?? '127.0.0.1', request.socket.localPort ?? 0);
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every 30 KB search answer cost a few per cent of a search's CPU,
  // and no client revalidates them (they carry no cache lifetime). Static files keep their own ETags.
  app.set('etag', false);
  // Before the rate limiter: it keys clients by the address this setting makes Express believe.
  if (trustProxy !== false) app.set('trust proxy', trustProxy);
  app.use(setSecurityHeaders());
  app.use(refuseUnknownHosts(allowedHosts));
  app.use(compressAnswers());
  app.use(refuseRequestBody);
  app.use('/api', refuseMalformedQuery);
  app.use('/api', limitRequests(requestsPerMinute));

  app.use(healthRoute(engine));
  app.use(searchRoute(engine, publicUrl));
  app.use(documentsRoute(engine));
  app.use(passagesRoute(engine, publicUrl));
  app.use(citationsRoute(engine, publicUrl));
  app.use(suggestRoute(engine));
  app.use(quoteRoute(engine, publicUrl));
  app.use('/api', handleUnknownApiRoute);

  const client = clientDir === undefined ? undefined : serveClient(clientDir);
  if (client) app.use(client);
  app.use(handleUnknownPath);

  app.use(handleErrors);
  return app;
}
