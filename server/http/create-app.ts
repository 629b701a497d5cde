import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { createTermIndexEngine } from '../engine/term-index-engine.ts';
import type { SearchEngine } from '../engine/search-engine.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { handleErrors, handleUnknownApiRoute } from './handle-errors.ts';
import { limitRequests, readRateLimit } from './rate-limit.ts';
import { refuseRequestBody } from './refuse-request-body.ts';
import { documentsRoute } from './routes/documents-route.ts';
import { healthRoute } from './routes/health-route.ts';
import { passagesRoute } from './routes/passages-route.ts';
import { searchRoute } from './routes/search-route.ts';
import { suggestRoute } from './routes/suggest-route.ts';
import { setSecurityHeaders } from './security-headers.ts';
import type { TrustProxy } from './trust-proxy.ts';

/** What answers the API: an engine, or a term index to serve (a function so that a newer index can be swapped in while serving). */
export type AppEngine = { engine: SearchEngine } | { getIndex: () => LoadedIndex };

export type AppOptions = AppEngine & {
  /** Folder of the built client (`client/dist`). Without it, only the API is served. */
  clientDir?: string;
  /** API requests per minute per client address; 0 turns limiting off. Default: `PASSIM_RATE_LIMIT`, else 3000. */
  requestsPerMinute?: number;
  /** Proxies whose `X-Forwarded-*` headers are believed (client address, protocol, host). Default: none. */
  trustProxy?: TrustProxy;
};

/** The HTTP application: the JSON API under `/api`, and the built client for every other path. */
export function createApp(options: AppOptions): Express {
  const { clientDir, requestsPerMinute = readRateLimit(), trustProxy = false } = options;
  const engine = 'engine' in options ? options.engine : createTermIndexEngine(options.getIndex);
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every 30 KB search answer cost a few per cent of a search's CPU,
  // and no client revalidates them (they carry no cache lifetime). Static files keep their own ETags.
  app.set('etag', false);
  // Before the rate limiter: it keys clients by the address this setting makes Express believe.
  if (trustProxy !== false) app.set('trust proxy', trustProxy);
  app.use(setSecurityHeaders());
  app.use(refuseRequestBody);
  app.use('/api', limitRequests(requestsPerMinute));

  app.use(healthRoute(engine));
  app.use(searchRoute(engine));
  app.use(documentsRoute(engine));
  app.use(passagesRoute(engine));
  app.use(suggestRoute(engine));
  app.use('/api', handleUnknownApiRoute);

  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
    // The client keeps its state in the URL; any page path loads the app.
    app.get('/{*path}', (_request, response) => response.sendFile(join(clientDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  }

  app.use(handleErrors);
  return app;
}

/** index.html must be revalidated so a rebuilt client is picked up; hashed assets can be cached. */
function noCacheForHtml(response: express.Response, path: string): void {
  if (path.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
