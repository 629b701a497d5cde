import { EVAL_KINDS } from './eval-query.ts';
import type { ResolvedQuery } from './resolve-targets.ts';
import type { RankingScores } from './score-ranking.ts';

/** Per engine, each query's scores, by query id. */
export type EngineScores = Map<string, Map<string, RankingScores>>;

const MEASURES = [
  ['MRR@10', 'reciprocalRank'],
  ['Recall@10', 'recall'],
  ['nDCG@10', 'ndcg'],
] as const;

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** One table per measure: a row per kind of query (and all of them), a column per engine. */
export function printEvalTables(queries: readonly ResolvedQuery[], scores: EngineScores): string {
  const engines = [...scores.keys()];
  const rows = [...EVAL_KINDS.map((kind) => ({ label: kind, ids: queries.filter((query) => query.kind === kind).map((query) => query.id) })), { label: 'all', ids: queries.map((query) => query.id) }];
  const lines: string[] = [];
  for (const [title, field] of MEASURES) {
    lines.push('', `| ${title} | ${engines.join(' | ')} |`, `| --- |${engines.map(() => ' ---: |').join('')}`);
    for (const { label, ids } of rows) {
      if (ids.length === 0) continue;
      const cells = engines.map((engine) => mean(ids.map((id) => scores.get(engine)!.get(id)![field])).toFixed(3));
      lines.push(`| ${label} (${ids.length}) | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** MRR of the misspelled queries beside the MRR of their clean twins, and the share lost. */
export function printMisspellingLoss(queries: readonly ResolvedQuery[], scores: EngineScores): string {
  const known = new Set(queries.map((query) => query.id));
  const lines = ['', '| misspelled vs clean twin, MRR@10 | ' + [...scores.keys()].join(' | ') + ' |', `| --- |${[...scores.keys()].map(() => ' ---: |').join('')}`];
  for (const kinds of [['misspelled-1'], ['misspelled-2'], ['misspelled-1', 'misspelled-2']]) {
    const pairs = queries.filter((query) => kinds.includes(query.kind) && query.twin !== undefined && known.has(query.twin));
    const cells = [...scores.values()].map((byId) => {
      const typo = mean(pairs.map((query) => byId.get(query.id)!.reciprocalRank));
      const clean = mean(pairs.map((query) => byId.get(query.twin!)!.reciprocalRank));
      return `${typo.toFixed(3)} vs ${clean.toFixed(3)} (${clean === 0 ? '–' : `${(((clean - typo) / clean) * 100).toFixed(1)}% lost`})`;
    });
    lines.push(`| ${kinds.join(' + ')} (${pairs.length}) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
