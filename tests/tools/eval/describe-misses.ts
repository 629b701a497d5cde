import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import type { ResolvedQuery } from './resolve-targets.ts';
import type { RankingScores } from './score-ranking.ts';

const clip = (text: string, words: number) => text.split(/\s+/).slice(0, words).join(' ');

/** For tuning: the queries of some kinds whose target is not first, with where it came and what came first. */
export function describeMisses(queries: readonly ResolvedQuery[], rankings: Map<string, string[]>, scores: Map<string, RankingScores>, documents: readonly StoredDocument[], kinds: readonly string[]): string {
  const passages = new Map(documents.flatMap((document) => document.passages.map((passage) => [passage.id, { document, passage }] as const)));
  const textOf = (id: string) => {
    const entry = passages.get(id);
    return entry ? `${entry.document.path}: ${clip(entry.document.text.slice(entry.passage.start, entry.passage.end), 25)}` : id;
  };
  const lines: string[] = [];
  for (const query of queries) {
    if (!kinds.includes(query.kind) || scores.get(query.id)!.firstRank === 1) continue;
    const top = rankings.get(query.id) ?? [];
    lines.push(
      '',
      `${query.id} [${query.q}] target at ${scores.get(query.id)!.firstRank ?? '>10'}${query.note ? ` (${query.note})` : ''}`,
      `  wanted: ${query.targets.map((target) => `${target.path} "${target.excerpt}"`).join('; ')}`,
      `  first:  ${top[0] === undefined ? '(nothing)' : textOf(top[0])}`,
    );
  }
  return lines.join('\n');
}
