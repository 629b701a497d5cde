/**
 * `npm run bench`: builds the State of the Union corpus at several scales and measures Passim
 * beside raw MiniSearch and SQLite FTS5 on the same passages. Prints a table per scale and writes
 * every figure to bench-results/<time>.json so runs can be compared.
 *
 * Flags: --scales 1,4,16 (default) · --x64 (adds scale 64) · --per-kind N (queries per kind at x1)
 *        · --http-seconds N (autocannon duration, default 10) · --no-client (skip the browser figures)
 *        · --engine opensearch: instead, the term index beside OpenSearch with 1 and 3 nodes (default
 *          scales 1,4; opensearch-bench.ts), needs Java 17+ and Maven
 *
 * Then the client's figures (tests/tools/bench/client-bench.ts): production bundle size, and keystroke to
 * results painted on SOTU in Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeTempFolder } from '../../support/fixture-index.ts';
import type { EngineFigures } from './engine-figures.ts';
import { runHttpLoad } from './http-load.ts';
import { readMemory, searchPath, startPassimServer, timePassimQueries } from './passim-server.ts';
import { printGrowthTable, printScaleTable } from './print-tables.ts';
import { readBenchPassages, writeBenchPassages } from './bench-passages.ts';
import { buildQuerySet } from './query-set.ts';
import { runJsonChild } from './run-child.ts';
import type { ScaleResult } from './scale-result.ts';
import { loadSotuAddresses, writeSotuCorpus } from '../corpus/sotu-corpus.ts';
import { formatSwapStall, measureSwapStall } from './swap-stall.ts';
import { measureCompression } from './compression-cost.ts';
import { runClientBench, type ClientBenchFigures } from './client-bench.ts';
import { benchOpenSearchScale, printOpenSearchScale, type OpenSearchScale } from './opensearch-bench.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,4,16' },
    x64: { type: 'boolean', default: false },
    'per-kind': { type: 'string', default: '200' },
    'http-seconds': { type: 'string', default: '10' },
    'no-client': { type: 'boolean', default: false },
    engine: { type: 'string', default: 'term-index' },
  },
});
if (values.engine !== 'term-index' && values.engine !== 'opensearch') {
  console.error(`npm run bench: --engine takes term-index or opensearch, got "${values.engine}"`);
  process.exit(2);
}
if (values.engine === 'opensearch') {
  await benchOpenSearch(process.argv.includes('--scales') ? values.scales.split(',').map(Number) : [1, 4], Number(values['per-kind']), Number(values['http-seconds']));
  process.exit(0);
}
const scales = values.scales.split(',').map(Number).concat(values.x64 ? [64] : []);
const perKindAtX1 = Number(values['per-kind']);
const httpSeconds = Number(values['http-seconds']);
/** Raw MiniSearch holds every passage's terms in JS objects: past x16 it does not fit beside the rest (see `skipped`). */
const MINISEARCH_MAX_PASSAGES = 300_000;

async function benchScale(scale: number, temp: string): Promise<ScaleResult> {
  const corpusDir = join(temp, `corpus-x${scale}`);
  const indexDir = join(temp, `index-x${scale}`);
  await writeSotuCorpus(corpusDir, scale, loadSotuAddresses());

  console.error(`x${scale}: building the Passim index`);
  const build = await runJsonChild<EngineFigures & { documents: number; passages: number }>('tests/tools/bench/passim-build-child.ts', [corpusDir, indexDir]);

  // The baselines index exactly Passim's passages.
  // Read a document at a time: at x64 documents.json is longer than the longest string V8 makes.
  const passages = await readBenchPassages(indexDir);
  const perKind = Math.max(30, Math.round(perKindAtX1 / Math.sqrt(scale)));
  const queries = buildQuerySet(passages, perKind);
  const passagesFile = join(temp, `passages-x${scale}.json`);
  const queriesFile = join(temp, `queries-x${scale}.json`);
  await writeBenchPassages(passagesFile, passages);
  await writeFile(queriesFile, JSON.stringify(queries));

  console.error(`x${scale}: timing Passim (${queries.length} queries)`);
  const server = await startPassimServer(indexDir);
  const latency = await timePassimQueries(server.url, queries);
  const paths = queries.map(searchPath);
  const compression = await measureCompression(server.url, paths);
  const load = [];
  for (const connections of [1, 16]) {
    console.error(`x${scale}: autocannon, ${connections} connection(s), ${httpSeconds} s`);
    load.push(await runHttpLoad(server.url, paths, connections, httpSeconds));
  }
  const memory = readMemory(server.pid);
  await server.stop();
  // The same load on one server process per core (`--workers auto`): autocannon shares the cores.
  const workers = availableParallelism();
  if (workers > 1) {
    const cluster = await startPassimServer(indexDir, workers);
    for (const path of paths.slice(0, 50)) await (await fetch(cluster.url + path)).arrayBuffer();
    console.error(`x${scale}: autocannon, 16 connections, ${httpSeconds} s, ${workers} workers`);
    load.push(await runHttpLoad(cluster.url, paths, 16, httpSeconds, workers));
    await cluster.stop();
  }

  console.error(`x${scale}: an index swap while searches run`);
  const swap = await measureSwapStall(indexDir, 1);

  const engines: Record<string, EngineFigures> = {
    Passim: { buildSeconds: build.buildSeconds, peakRssMb: build.peakRssMb, indexBytes: build.indexBytes, loadSeconds: build.loadSeconds, latency: latency.server },
  };
  const skipped: string[] = [];
  for (const engine of ['minisearch', 'fts5-and', 'fts5-or'] as const) {
    if (engine === 'minisearch' && passages.length > MINISEARCH_MAX_PASSAGES) {
      skipped.push(
        `raw MiniSearch not run at x${scale}: it held 3.9 GB at x16 (238,128 passages) and 2.5 GB at x4, growing with the passages, ` +
          `so about ${Math.round((3.9 * passages.length) / 238_128)} GB here, more than this shared 24 GB machine can give one process beside the others`,
      );
      continue;
    }
    console.error(`x${scale}: timing ${engine}`);
    const name = { minisearch: 'raw MiniSearch', 'fts5-and': 'FTS5 AND', 'fts5-or': 'FTS5 OR' }[engine];
    engines[name] = await runJsonChild<EngineFigures>('tests/tools/bench/baseline-child.ts', [engine, passagesFile, queriesFile]);
  }
  return {
    scale,
    documents: build.documents,
    passages: build.passages,
    queriesPerKind: perKind,
    engines,
    ...(skipped.length === 0 ? {} : { skipped }),
    passim: { coldStartSeconds: server.coldStartSeconds, serverRssMb: memory.rssMb, serverPeakRssMb: memory.peakRssMb, queryErrors: latency.errors, httpLatency: latency.http, mixedTookMs: latency.mixed, load, swap, compression },
  };
}

const temp = await makeTempFolder('passim-bench-');
const results: ScaleResult[] = [];
try {
  for (const scale of scales) {
    const result = await benchScale(scale, temp.path);
    results.push(result);
    console.log(printScaleTable(result));
    for (const line of result.skipped ?? []) console.log(line);
    console.log(formatSwapStall(scale, result.passim.swap));
  }
} finally {
  await temp.remove();
}
console.log(printGrowthTable(results));
let client: ClientBenchFigures | undefined;
if (!values['no-client']) {
  console.log('\n## Client');
  client = await runClientBench();
}
const outDir = resolve(import.meta.dirname, '../../../bench-results');
await mkdir(outDir, { recursive: true });
const outFile = join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(outFile, JSON.stringify({ node: process.version, at: new Date().toISOString(), results, client }, null, 2));
console.log(`\nFigures written to ${outFile}`);

/** `--engine opensearch`: the term index beside OpenSearch at each scale; figures to bench-results/ as well. */
async function benchOpenSearch(scaleList: number[], perKind: number, seconds: number): Promise<void> {
  const temp = await makeTempFolder('passim-bench-os-');
  const results: OpenSearchScale[] = [];
  try {
    for (const scale of scaleList) {
      const result = await benchOpenSearchScale(scale, temp.path, perKind, seconds);
      results.push(result);
      console.log(printOpenSearchScale(result));
    }
  } finally {
    await temp.remove();
  }
  const outDir = resolve(import.meta.dirname, '../../../bench-results');
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, `opensearch-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(outFile, JSON.stringify({ node: process.version, at: new Date().toISOString(), results }, null, 2));
  console.log(`\nFigures written to ${outFile}`);
}
