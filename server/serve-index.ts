import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recoverInterruptedWrite } from '../indexer/index/recover-index.ts';
import { readAllowedHosts } from './http/allowed-hosts.ts';
import { answerClientErrors } from './http/answer-client-errors.ts';
import { prepareGracefulClose } from './http/close-gracefully.ts';
import { createTermIndexEngine } from './engine/term-index-engine.ts';
import type { SearchEngine } from './engine/search-engine.ts';
import { createApp } from './http/create-app.ts';
import { listeningUrl } from './http/public-url.ts';
import type { TrustProxy } from './http/trust-proxy.ts';
import type { LoadedIndex } from './index/loaded-index.ts';
import { loadServedIndex } from './load-served-index.ts';
import { watchIndex, type WatchedIndex } from './watch-index.ts';

/** How the server listens, whichever engine answers. */
export interface ListenOptions {
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on. Default 127.0.0.1: an archive is not shared on the network unless asked (`HOST=0.0.0.0`). */
  host?: string;
  clientDir?: string;
  /** API requests per minute per client address, 0 for none. Default: `PASSIM_RATE_LIMIT`, else 3000. */
  requestsPerMinute?: number;
  trustProxy?: TrustProxy;
  /** Host names answered (allowed-hosts.ts). Default: `PASSIM_ALLOWED_HOSTS`, else loopback names and `host`. */
  allowedHosts?: readonly string[];
  /** The address links start with (`PASSIM_PUBLIC_URL`). Default: the configured host and the port listened on. */
  publicUrl?: string;
}

export interface ServeOptions extends ListenOptions {
  indexDir: string;
  /** How often to look for a newer index in `indexDir` and swap it in; 0 never looks. Default 1000 ms. */
  reloadIntervalMs?: number;
  /** Told after a newer index was swapped in, or why one could not be (the old one keeps serving). */
  onIndexReload?: (index: LoadedIndex) => void;
  onIndexReloadError?: (message: string) => void;
  /** Put back an index a killed build left aside before loading (default true; a cluster's primary does it once for all). */
  recoverInterruptedWrite?: boolean;
}

export interface RunningServer {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

/**
 * An index that is never replaced. A function of its own: a closure over `initial` inside serveIndex
 * kept the first index alive for as long as the server ran, even after a newer one was swapped in
 * (the load test saw the heap grow by a whole index after a swap).
 */
function fixedIndex(index: LoadedIndex): WatchedIndex {
  return { current: () => index, close: () => {} };
}

/** Loads the index and serves it over HTTP, swapping in each newer build; resolves once the server is listening. */
export async function serveIndex({ indexDir, reloadIntervalMs = 1000, onIndexReload, onIndexReloadError, recoverInterruptedWrite: recover = true, ...listen }: ServeOptions): Promise<RunningServer> {
  // An indexer killed between its two renames leaves the last index beside its place: put it back.
  if (recover) await recoverInterruptedWrite(indexDir);
  const initial = await loadServedIndex(indexDir);
  const watched =
    reloadIntervalMs > 0
      ? watchIndex(indexDir, initial, { intervalMs: reloadIntervalMs, ...(onIndexReload && { onReload: onIndexReload }), ...(onIndexReloadError && { onError: onIndexReloadError }) })
      : fixedIndex(initial);
  return serveEngine(createTermIndexEngine(watched.current, watched.close), listen);
}

/** Serves an engine over HTTP; resolves once the server is listening. Closing it closes the engine too. */
export async function serveEngine(engine: SearchEngine, { port, host, clientDir, requestsPerMinute, trustProxy, allowedHosts, publicUrl }: ListenOptions): Promise<RunningServer> {
  let linkBase = publicUrl;
  const app = createApp({
    engine,
    publicUrl: () => linkBase ?? '',
    ...(clientDir === undefined ? {} : { clientDir }),
    ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    allowedHosts: allowedHosts ?? readAllowedHosts(host ?? '127.0.0.1', process.env, publicUrl),
  });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(port, host ?? '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
    });
  } catch (error) {
    await engine.close();
    throw error;
  }
  answerClientErrors(server);
  const closeServer = prepareGracefulClose(server);
  const { port: actualPort } = server.address() as AddressInfo;
  linkBase ??= listeningUrl(host ?? '127.0.0.1', actualPort);
  return {
    server,
    url: `http://${host ?? '127.0.0.1'}:${actualPort}`,
    close: async () => {
      await closeServer();
      await engine.close();
    },
  };
}
