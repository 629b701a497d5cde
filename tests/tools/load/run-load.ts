import { fork, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { buildIndex } from '../../../indexer/build/build-index.ts';
import type { HealthResponse } from '../../../server/api/types.ts';
import { loadIndex } from '../../../server/index/load-index.ts';
import { loadSotuAddresses, writeSotuCorpus } from '../corpus/sotu-corpus.ts';
import { startCli } from '../../reliability/support/child-process.ts';
import { createRequestMix } from './load-requests.ts';

/**
 * `npm run load`: the server under 64 concurrent connections for 60 s on the State of the Union
 * corpus, on loopback only, with a mix of searches, suggestions and reads; then the same again while a
 * new index is built and swapped in mid-run. Prints requests per second, latency percentiles, errors
 * and the server's memory (after a full GC) after warm-up and at the end of each run. Exits 1 on any
 * error or non-2xx answer, or when memory kept grows by more than MAX_GROWTH over a run.
 *
 * A benchmark, not a unit test: it takes about three minutes. `--duration` shortens it.
 */
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '10' },
  },
  strict: true,
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);

/** Growth of the heap kept (after GC) over a run that counts as a leak: a fifth, and at least 16 MB. */
const MAX_GROWTH = { share: 0.2, bytes: 16 * 1024 * 1024 };

interface Memory {
  rss: number;
  heapUsed: number;
  reloads: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function ask(server: ChildProcess): Promise<Memory> {
  return new Promise((resolveMemory) => {
    const onMessage = (message: { kind: string } & Memory) => {
      if (message.kind !== 'memory') return;
      server.off('message', onMessage);
      resolveMemory(message);
    };
    server.on('message', onMessage);
    server.send({ kind: 'memory' });
  });
}

async function startServer(indexDir: string): Promise<{ server: ChildProcess; url: string }> {
  const server = fork(resolve(import.meta.dirname, 'serve-for-load.ts'), [indexDir], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, PASSIM_RATE_LIMIT: '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    server.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)));
    server.on('message', (message: { kind: string; url?: string }) => {
      if (message.kind === 'listening') resolveUrl(message.url!);
    });
  });
  if (!new URL(url).hostname.startsWith('127.')) throw new Error(`refusing to load anything but loopback, got ${url}`);
  return { server, url };
}

function fire(url: string, seconds: number, next: () => string): Promise<Result> {
  return autocannon({ url, connections, duration: seconds, timeout: 10, requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }] });
}

interface RunFigures {
  name: string;
  result: Result;
  before: Memory;
  after: Memory;
}

function report({ name, result, before, after }: RunFigures): string[] {
  const growth = after.heapUsed - before.heapUsed;
  const problems: string[] = [];
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    problems.push(`${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers ${JSON.stringify(result.statusCodeStats)}`);
  }
  if (growth > Math.max(MAX_GROWTH.bytes, before.heapUsed * MAX_GROWTH.share)) problems.push(`${name}: the heap kept grew by ${mb(growth)}`);
  console.log(`\n${name}: ${connections} connections, ${result.duration} s`);
  console.log(`  requests   ${result.requests.total} answered, ${Math.round(result.requests.average)} per second (min ${result.requests.min}, max ${result.requests.max})`);
  console.log(`  latency    p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`  errors     ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  console.log(`  memory     heap kept ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} (${growth >= 0 ? '+' : ''}${mb(growth)}), rss ${mb(before.rss)} -> ${mb(after.rss)}`);
  return problems;
}

const work = await mkdtemp(join(tmpdir(), 'passim-load-'));
let server: ChildProcess | undefined;
try {
  const corpusDir = join(work, 'sotu');
  const indexDir = join(work, 'index');
  console.log('Writing the State of the Union corpus and indexing it');
  await writeSotuCorpus(corpusDir, 1, loadSotuAddresses());
  const built = await buildIndex({ corpusDir, indexDir });
  console.log(`  ${built.documents} documents, ${built.passages} passages`);
  const mix = createRequestMix(await loadIndex(indexDir));

  const started = await startServer(indexDir);
  server = started.server;
  console.log(`Server on ${started.url}; warming up for ${warmup} s`);
  await fire(started.url, warmup, mix.next);

  const steadyBefore = await ask(server);
  const steady = await fire(started.url, duration, mix.next);
  const steadyAfter = await ask(server);

  // The same again while an index is rebuilt (one address more) and swapped in about a third of the way through.
  const swapBefore = await ask(server);
  const health = async () => (await (await fetch(`${started.url}/api/health`)).json()) as HealthResponse;
  const builtAtBefore = (await health()).builtAt;
  const swapping = fire(started.url, duration, mix.next);
  await new Promise((resolveDelay) => setTimeout(resolveDelay, (duration * 1000) / 3));
  await appendFile(join(corpusDir, 'load-test-addition.txt'), 'An address added during the load test, about the economy and the union.\n');
  // The indexer in its own process, as in production: a build in this one would stall autocannon.
  const swapStartedAt = performance.now();
  const indexer = startCli('indexer/cli.ts', ['--corpus', corpusDir, '--index', indexDir]);
  const { code } = await indexer.exited(120_000);
  if (code !== 0) throw new Error(`the rebuild during the run failed (exit ${code}): ${indexer.output().stderr}`);
  const rebuiltInSeconds = (performance.now() - swapStartedAt) / 1000;
  let builtAtAfter = builtAtBefore;
  while (builtAtAfter === builtAtBefore && performance.now() - swapStartedAt < 120_000) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    builtAtAfter = (await health()).builtAt;
  }
  const swappedInSeconds = (performance.now() - swapStartedAt) / 1000;
  const swapResult = await swapping;
  const swapAfter = await ask(server);
  const swapped = builtAtAfter !== builtAtBefore && swapAfter.reloads > swapBefore.reloads;

  const problems = [
    ...report({ name: 'Steady load', result: steady, before: steadyBefore, after: steadyAfter }),
    ...report({ name: 'Load with an index swap', result: swapResult, before: swapBefore, after: swapAfter }),
  ];
  console.log(
    `  swap       index rebuilt by the indexer in ${rebuiltInSeconds.toFixed(1)} s, ${swapped ? `served ${swappedInSeconds.toFixed(1)} s after the rebuild began` : 'NOT swapped in during the run'}`,
  );
  if (!swapped) problems.push('the new index was not swapped in during the run');
  if (problems.length > 0) {
    console.error(`\nFAILED:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nNo errors, no memory growth.');
  }
} finally {
  server?.send({ kind: 'stop' });
  await new Promise((resolveExit) => (server ? server.once('exit', resolveExit) : resolveExit(undefined)));
  await rm(work, { recursive: true, force: true });
}
