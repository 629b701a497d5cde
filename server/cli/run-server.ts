import cluster from 'node:cluster';
import { IndexLoadError } from '../index/load-index.ts';
import { createOpenSearchEngine } from '../engine/opensearch/opensearch-engine.ts';
import { serveEngine, serveIndex, type ListenOptions, type RunningServer } from '../serve-index.ts';
import type { ServeFlags } from './read-serve-flags.ts';
import { limitHeapGrowth } from './limit-heap-growth.ts';
import { runWorkers } from './run-workers.ts';
import { shownUrl } from './shown-url.ts';

/**
 * Serves until SIGINT/SIGTERM, then lets in-flight requests finish and exits. With `--workers N` (N > 1)
 * this process becomes the primary of N server processes sharing the port (see run-workers.ts).
 */
export async function runServer(flags: ServeFlags): Promise<void> {
  if (flags.workers > 1 && cluster.isPrimary) return runWorkers(flags);
  limitHeapGrowth();
  const inCluster = cluster.isWorker;
  const tag = inCluster ? `passim (worker ${cluster.worker!.id})` : 'passim';
  let running: RunningServer;
  const listen: ListenOptions = {
    port: flags.port,
    host: flags.host,
    clientDir: flags.clientDir,
    requestsPerMinute: flags.requestsPerMinute,
    trustProxy: flags.trustProxy,
    allowedHosts: flags.allowedHosts,
    ...(flags.publicUrl === undefined ? {} : { publicUrl: flags.publicUrl }),
  };
  try {
    running = flags.opensearch ? await serveOpenSearch(flags, listen, tag, inCluster) : await serveIndex({
      indexDir: flags.indexDir,
      ...listen,
      // The primary has already put back an index left aside by a killed build, once for all workers.
      recoverInterruptedWrite: !inCluster,
      onIndexReload: (index) => console.log(`${tag}: now serving the index built ${index.manifest.builtAt} (${index.manifest.documentCount} documents)`),
      onIndexReloadError: (message) => console.error(`${tag}: ${message}`),
    });
  } catch (error) {
    if (error instanceof IndexLoadError) {
      console.error(`passim: ${error.message}`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`passim: port ${flags.port} is already in use. Stop the other server or choose another: --port N (or PORT=N)`);
      process.exit(1);
    }
    throw error;
  }
  // In a cluster the primary says where it serves, once, when every worker listens.
  if (!inCluster) console.log(`Passim is serving ${flags.opensearch ? `the OpenSearch archive ${flags.opensearch.indexPrefix}-* (cluster ${flags.opensearch.urls.join(', ')})` : flags.indexDir} at ${shownUrl(flags.host, running.url)}`);

  // A signal may come twice (a cluster's worker gets the one sent to its group and the primary's):
  // the second must not end the process before its open requests are answered.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!inCluster) console.log(`passim: ${signal} received, finishing open requests`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Serves the archive in an OpenSearch cluster; says whether the cluster answers (it is served either way, with 503s until it does). */
async function serveOpenSearch(flags: ServeFlags, listen: ListenOptions, tag: string, inCluster: boolean): Promise<RunningServer> {
  const engine = createOpenSearchEngine({
    ...flags.opensearch!,
    onSwap: (archive) => console.log(`${tag}: now serving the OpenSearch build of ${archive.builtAt} (${archive.documentCount} documents)`),
    onSwapError: (message) => console.error(`${tag}: ${message}`),
  });
  const running = await serveEngine(engine, listen);
  if (!inCluster) {
    engine.health().then(
      (health) => console.log(`${tag}: OpenSearch answers: ${health.documents} documents, ${health.passages} passages, built ${health.builtAt}`),
      (error: Error) => console.error(`${tag}: ${error.message} Searches answer 503 until it does.`),
    );
  }
  return running;
}
