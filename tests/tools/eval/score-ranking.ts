import type { ResolvedTarget } from './resolve-targets.ts';

/** The measures of one ranked list (the top 10 passage ids an engine returned) against its targets. */
export interface RankingScores {
  /** 1 / rank of the first relevant passage within the top 10, else 0. */
  reciprocalRank: number;
  /** Relevant targets found in the top 10, over the number that fit in it: min(targets, 10). */
  recall: number;
  /** DCG of the top 10 (gain = grade, discount log2(rank + 1)) over the best DCG possible. */
  ndcg: number;
  /** Rank of the first relevant passage, or undefined when none is in the top 10. */
  firstRank: number | undefined;
}

export const CUTOFF = 10;

/**
 * Scores a ranking. A target is found at the first rank holding any of its passages (it counts once);
 * targets of grade 0 are judged not relevant.
 */
export function scoreRanking(ranked: readonly string[], targets: readonly ResolvedTarget[]): RankingScores {
  const relevant = targets.filter((target) => target.grade > 0);
  const found = new Set<ResolvedTarget>();
  let dcg = 0;
  let firstRank: number | undefined;
  ranked.slice(0, CUTOFF).forEach((id, index) => {
    const target = relevant
      .filter((candidate) => !found.has(candidate) && candidate.passageIds.includes(id))
      .sort((a, b) => b.grade - a.grade)[0];
    if (!target) return;
    found.add(target);
    firstRank ??= index + 1;
    dcg += target.grade / Math.log2(index + 2);
  });
  const ideal = relevant
    .map((target) => target.grade)
    .sort((a, b) => b - a)
    .slice(0, CUTOFF)
    .reduce((sum, grade, index) => sum + grade / Math.log2(index + 2), 0);
  return {
    reciprocalRank: firstRank === undefined ? 0 : 1 / firstRank,
    recall: relevant.length === 0 ? 0 : found.size / Math.min(relevant.length, CUTOFF),
    ndcg: ideal === 0 ? 0 : dcg / ideal,
    firstRank,
  };
}
