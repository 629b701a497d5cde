/**
 * `npm run eval`: builds the evaluation corpus (the SOTU addresses from their npm package and the seed
 * corpus) in a temporary folder, indexes it with Passim, and measures how well Passim and two
 * baselines on the same passages (SQLite FTS5 bm25, raw MiniSearch) put the passages the evaluation
 * set names in their top 10. Prints MRR@10, Recall@10 and nDCG@10 per kind of query, and what
 * misspelling costs against the same queries spelled right.
 *
 * Flags: --engines passim,fts5,minisearch (default all; opensearch and opensearch3 run Passim on a local
 * OpenSearch of 1 and 3 nodes) · --engine opensearch (Passim on the term index and on OpenSearch, 1 and 3 nodes) · --misses KIND,… (print Passim's misses of
 * those kinds) · --json FILE (every query's ranking and scores)
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { makeTempFolder } from '../../support/fixture-index.ts';
import { buildEvalCorpus } from './eval-corpus.ts';
import { startFts5, startPassim, startPassimOnOpenSearch, startRawMiniSearch, type EvalEngine } from './eval-engines.ts';
import { QUERY_FILES, readQueryFile, type EvalQuery } from './eval-query.ts';
import { printEvalTables, printMisspellingLoss, type EngineScores } from './print-eval.ts';
import { resolveTargets } from './resolve-targets.ts';
import { scoreRanking } from './score-ranking.ts';
import { describeMisses } from './describe-misses.ts';

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: 'passim,fts5,minisearch' },
    misses: { type: 'string', default: '' },
    json: { type: 'string' },
    engine: { type: 'string' },
  },
});
const wanted = new Set(values.engine === 'opensearch' ? ['passim', 'opensearch', 'opensearch3'] : values.engines.split(','));
const log = (message: string) => console.error(`eval: ${message}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const temp = await makeTempFolder('passim-eval-');
try {
  let since = performance.now();
  const corpus = await buildEvalCorpus(temp.path);
  const passages = corpus.documents.flatMap((document) => document.passages.map((passage) => ({ id: passage.id, text: document.text.slice(passage.start, passage.end) })));
  log(`built the Passim index of ${corpus.documents.length} documents, ${passages.length} passages in ${seconds(since)}`);

  const queries: EvalQuery[] = [...(await readQueryFile(QUERY_FILES.generated)).queries, ...(await readQueryFile(QUERY_FILES.topical)).queries];
  const { resolved, problems } = resolveTargets(queries, corpus.documents);
  for (const problem of problems) log(`left out ${problem}`);

  const starters: Record<string, () => Promise<EvalEngine> | EvalEngine> = {
    passim: () => startPassim(corpus.indexDir),
    fts5: () => startFts5(passages),
    minisearch: () => startRawMiniSearch(passages),
    opensearch: () => startPassimOnOpenSearch(corpus.indexDir, 1),
    opensearch3: () => startPassimOnOpenSearch(corpus.indexDir, 3),
  };
  const scores: EngineScores = new Map();
  const rankings = new Map<string, Map<string, string[]>>();
  for (const [key, start] of Object.entries(starters)) {
    if (!wanted.has(key)) continue;
    since = performance.now();
    const engine = await start();
    const byId = new Map<string, string[]>();
    for (const query of resolved) byId.set(query.id, await engine.search(query.q));
    await engine.close();
    scores.set(engine.name, new Map(resolved.map((query) => [query.id, scoreRanking(byId.get(query.id)!, query.resolved)])));
    rankings.set(engine.name, byId);
    log(`${engine.name}: ${resolved.length} queries in ${seconds(since)} (with its index build)`);
  }

  console.log(`\n# Passim relevance evaluation: ${resolved.length} queries, ${corpus.documents.length} documents, ${passages.length} passages`);
  console.log(printEvalTables(resolved, scores));
  console.log(printMisspellingLoss(resolved, scores));
  const missKinds = values.misses.split(',').filter(Boolean);
  if (missKinds.length > 0 && rankings.has('Passim')) console.log(describeMisses(resolved, rankings.get('Passim')!, scores.get('Passim')!, corpus.documents, missKinds));
  if (values.json) {
    const perQuery = resolved.map((query) => ({ id: query.id, kind: query.kind, q: query.q, engines: Object.fromEntries([...scores].map(([name, byId]) => [name, { ...byId.get(query.id), top: rankings.get(name)!.get(query.id) }])) }));
    await writeFile(values.json, JSON.stringify(perQuery, null, 1));
    log(`per-query results written to ${values.json}`);
  }
} finally {
  await temp.remove();
}
