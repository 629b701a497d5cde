/**
 * `npm run bench -- --engine opensearch`: Passim on its term index beside Passim on OpenSearch (one
 * node, and three nodes with 3 shards and 1 replica), through the same HTTP API on the same SOTU
 * passages and queries: build time, memory, latency per query kind and requests per second at 16
 * connections. The local cluster runs with the JVM's defaults.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIndex } from '../../../server/index/load-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../../support/opensearch-cluster.ts';
import { writeOpenSearchBuild } from '../../support/write-opensearch-build.ts';
import { loadSotuAddresses, writeSotuCorpus } from '../corpus/sotu-corpus.ts';
import { readBenchPassages } from './bench-passages.ts';
import type { LatencySummary } from './percentiles.ts';
import { runHttpLoad, type LoadFigures } from './http-load.ts';
import { readMemory, searchPath, startPassimServer, timePassimQueries } from './passim-server.ts';
import { buildQuerySet, QUERY_KINDS, type BenchQuery, type QueryKind } from './query-set.ts';
import { runJsonChild } from './run-child.ts';

/** One engine's figures at one scale. */
export interface EngineRun {
  name: string;
  /** Passim's build, plus writing it into OpenSearch for the OpenSearch engines. */
  buildSeconds: number;
  /** The Passim server's resident memory, MB. */
  serverRssMb: number;
  /** The OpenSearch JVM's resident memory (every node of the cluster), MB; absent for the term index. */
  clusterRssMb?: number;
  /** HTTP round trip per kind, ms. */
  latency: Partial<Record<QueryKind, LatencySummary>>;
  load: LoadFigures;
  errors: number;
}

export interface OpenSearchScale {
  scale: number;
  documents: number;
  passages: number;
  queriesPerKind: number;
  runs: EngineRun[];
}

/** Resident memory of the JVM running the cluster, found by its unique cluster name on its command line. */
function clusterRssMb(cluster: LocalOpenSearch): number | undefined {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (command.includes('java') && command.includes(cluster.clusterName)) return readMemory(Number(pid)).rssMb;
    } catch {
      /* a process that ended meanwhile */
    }
  }
  return undefined;
}

async function measureServer(name: string, indexDir: string, queries: BenchQuery[], httpSeconds: number, extra: Parameters<typeof startPassimServer>[3] = {}): Promise<Omit<EngineRun, 'buildSeconds'>> {
  const server = await startPassimServer(indexDir, 1, [], extra);
  try {
    const latency = await timePassimQueries(server.url, queries);
    console.error(`  ${name}: autocannon, 16 connections, ${httpSeconds} s`);
    const load = await runHttpLoad(server.url, queries.map(searchPath), 16, httpSeconds);
    return { name, serverRssMb: readMemory(server.pid).rssMb, latency: latency.http, load, errors: latency.errors };
  } finally {
    await server.stop();
  }
}

export async function benchOpenSearchScale(scale: number, temp: string, perKindAtX1: number, httpSeconds: number): Promise<OpenSearchScale> {
  const corpusDir = join(temp, `corpus-x${scale}`);
  const indexDir = join(temp, `index-x${scale}`);
  await writeSotuCorpus(corpusDir, scale, loadSotuAddresses());
  console.error(`x${scale}: building the Passim index`);
  const build = await runJsonChild<{ buildSeconds: number; documents: number; passages: number }>('tests/tools/bench/passim-build-child.ts', [corpusDir, indexDir]);
  const passages = await readBenchPassages(indexDir);
  const perKind = Math.max(30, Math.round(perKindAtX1 / Math.sqrt(scale)));
  const queries = buildQuerySet(passages, perKind);

  console.error(`x${scale}: term index`);
  const runs: EngineRun[] = [{ buildSeconds: build.buildSeconds, ...(await measureServer('term index', indexDir, queries, httpSeconds)) }];
  const index = await loadIndex(indexDir);
  for (const nodes of [1, 3]) {
    const name = `OpenSearch ${nodes} node${nodes > 1 ? 's' : ''}`;
    console.error(`x${scale}: ${name}`);
    const cluster = await startOpenSearchCluster({ nodes, quickStart: false, heapMbPerNode: 1024 });
    try {
      const writeStart = performance.now();
      await writeOpenSearchBuild(cluster.urls, 'bench', index, { shards: nodes, replicas: nodes > 1 ? 1 : 0 });
      const writeSeconds = (performance.now() - writeStart) / 1000;
      const measured = await measureServer(name, indexDir, queries, httpSeconds, {
        args: ['--engine', 'opensearch', '--opensearch-url', cluster.urls.join(',')],
        env: { PASSIM_OPENSEARCH_INDEX_PREFIX: 'bench' },
      });
      runs.push({ buildSeconds: build.buildSeconds + writeSeconds, ...measured, ...(clusterRssMb(cluster) === undefined ? {} : { clusterRssMb: clusterRssMb(cluster)! }) });
    } finally {
      await cluster.stop();
    }
  }
  return { scale, documents: build.documents, passages: build.passages, queriesPerKind: perKind, runs };
}

const cell = (value: string | number | undefined, width: number) => String(value ?? '–').padStart(width);
const ms = (summary: LatencySummary | undefined) => (summary ? `${summary.p50.toFixed(1)}/${summary.p95.toFixed(1)}/${summary.p99.toFixed(1)}` : '–');

/** The engines side by side at one scale. */
export function printOpenSearchScale(result: OpenSearchScale): string {
  const width = 22;
  const row = (label: string, values: (string | number | undefined)[]) => `${label.padEnd(28)}${values.map((value) => cell(value, width)).join('')}`;
  return [
    `\n## SOTU x${result.scale}: ${result.documents} documents, ${result.passages} passages, ${result.queriesPerKind} queries per kind`,
    row('figure', result.runs.map((run) => run.name)),
    row('build s (+ write to cluster)', result.runs.map((run) => run.buildSeconds.toFixed(1))),
    row('Passim server RSS MB', result.runs.map((run) => run.serverRssMb)),
    row('OpenSearch JVM RSS MB', result.runs.map((run) => run.clusterRssMb)),
    row('req/s at 16 connections', result.runs.map((run) => run.load.requestsPerSecond)),
    row('  non-2xx / errors', result.runs.map((run) => `${run.load.non2xx} / ${run.load.errors + run.errors}`)),
    'HTTP latency ms p50/p95/p99 (one connection, each query once)',
    ...QUERY_KINDS.map((kind) => row(`  ${kind}`, result.runs.map((run) => ms(run.latency[kind])))),
  ].join('\n');
}
