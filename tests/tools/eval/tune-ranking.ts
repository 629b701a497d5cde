/**
 * Tunes ranking weights on the evaluation set: builds the corpus once, then for each setting runs every
 * query through Passim's search in process (the code the HTTP route calls) and prints MRR@10 per kind
 * and the topical nDCG@10. Settings are JSON objects of option overrides, one per argument:
 *
 * `npx tsx tests/tools/eval/tune-ranking.ts '{}' '{"rank":{"coordinationPower":1}}' '{"expansion":{"variantWeight":0.5}}'`
 *
 * Groups: `rank` (RankOptions), `expansion` (ExpansionOptions), `execute` (ExecuteOptions), `bm25`. The
 * defaults are changed in place for the run, so a setting reaches every call site; each setting gets a
 * freshly loaded index, so no cache carries over.
 */
import { loadIndex } from '../../../server/index/load-index.ts';
import { DEFAULT_EXECUTE_OPTIONS } from '../../../server/search/execute-query.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../server/search/rank-matches.ts';
import { DEFAULT_BM25_OPTIONS } from '../../../server/search/read-postings.ts';
import { runSearch } from '../../../server/search/run-search.ts';
import { DEFAULT_EXPANSION_OPTIONS } from '../../../server/search/term-lookup.ts';
import { makeTempFolder } from '../../support/fixture-index.ts';
import { buildEvalCorpus } from './eval-corpus.ts';
import { EVAL_KINDS, QUERY_FILES, readQueryFile } from './eval-query.ts';
import { resolveTargets } from './resolve-targets.ts';
import { CUTOFF, scoreRanking } from './score-ranking.ts';

const GROUPS = { rank: DEFAULT_RANK_OPTIONS, expansion: DEFAULT_EXPANSION_OPTIONS, execute: DEFAULT_EXECUTE_OPTIONS, bm25: DEFAULT_BM25_OPTIONS } as const;
const defaults = Object.fromEntries(Object.entries(GROUPS).map(([name, options]) => [name, { ...options }]));
const settings = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['{}']).map((arg) => JSON.parse(arg) as Partial<Record<keyof typeof GROUPS, object>>);

const temp = await makeTempFolder('passim-tune-');
try {
  const corpus = await buildEvalCorpus(temp.path);
  const queries = [...(await readQueryFile(QUERY_FILES.generated)).queries, ...(await readQueryFile(QUERY_FILES.topical)).queries];
  const { resolved } = resolveTargets(queries, corpus.documents);
  console.log(['setting', ...EVAL_KINDS.map((kind) => kind.slice(0, 8)), 'topic-ndcg', 'all'].join('\t'));
  for (const setting of settings) {
    for (const [name, options] of Object.entries(GROUPS)) Object.assign(options, defaults[name], setting[name as keyof typeof GROUPS] ?? {});
    const index = await loadIndex(corpus.indexDir);
    const scores = resolved.map((query) => ({
      kind: query.kind,
      score: scoreRanking(runSearch(index, { q: query.q, sources: [], page: 1, limit: CUTOFF }).hits.map((hit) => hit.id), query.resolved),
    }));
    const mean = (values: number[]) => (values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)).toFixed(3);
    const ofKind = (kind: string) => scores.filter((entry) => entry.kind === kind);
    console.log(
      [JSON.stringify(setting), ...EVAL_KINDS.map((kind) => mean(ofKind(kind).map((entry) => entry.score.reciprocalRank))), mean(ofKind('topical').map((entry) => entry.score.ndcg)), mean(scores.map((entry) => entry.score.reciprocalRank))].join('\t'),
    );
  }
} finally {
  await temp.remove();
}
