import cluster, { type Worker } from 'node:cluster';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';
import { recoverInterruptedWrite } from '../../indexer/index/recover-index.ts';
import type { ServeFlags } from './read-serve-flags.ts';
import { shownUrl } from './shown-url.ts';

/** A worker that dies this many times within a minute is not started again: something is wrong for good. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * The primary of `--workers N`: N server processes share the port (Node's cluster hands each new
 * connection to the next worker), so searches run on every core. Each worker loads and watches the
 * index itself, so memory is N indexes. The primary serves nothing: it puts back an index a killed
 * build left aside (once, before any worker reads it), keeps the rate-limit counts for all workers,
 * restarts a worker that dies while serving, and on SIGTERM/SIGINT tells every worker to finish its
 * open requests, then exits when they have.
 */
export async function runWorkers(flags: ServeFlags): Promise<void> {
  await recoverInterruptedWrite(flags.indexDir);
  new ClusterMemoryStorePrimary().init();

  const listening = new Set<number>();
  const restarts: number[] = [];
  let stopping = false;
  let exitCode = 0;

  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  const exitWhenAllGone = () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };

  cluster.on('listening', (worker: Worker, address) => {
    listening.add(worker.id);
    if (listening.size === flags.workers) {
      const url = `http://${flags.host}:${address.port}`;
      console.log(`Passim is serving ${flags.indexDir} at ${shownUrl(flags.host, url)} with ${flags.workers} workers`);
    }
  });

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const wasServing = listening.delete(worker.id);
    // Exit 0 is a worker that was told to stop (by the primary, or by a signal to the whole process
    // group, which may reach it first): it is not replaced.
    if (stopping || !wasServing || code === 0) {
      // A worker still starting when told to stop has no handler yet and ends by the signal itself.
      const toldToStop = stopping && (signal === 'SIGTERM' || signal === 'SIGINT');
      if (code !== 0 && !toldToStop) exitCode = code ?? 1;
      // A worker that could not start (no index, port taken) has said why: stop the others too.
      if (!stopping) stopAll();
      exitWhenAllGone();
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      console.error(`passim: workers keep dying (${restarts.length} in a minute, last with ${signal ?? `code ${code}`}); stopping`);
      exitCode = 1;
      stopAll();
      exitWhenAllGone();
      return;
    }
    console.error(`passim: worker ${worker.id} ended with ${signal ?? `code ${code}`}, starting another`);
    cluster.fork();
  });

  const stop = (signal: string) => {
    if (stopping) return;
    console.log(`passim: ${signal} received, finishing open requests`);
    stopAll();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  for (let i = 0; i < flags.workers; i += 1) cluster.fork();
}
