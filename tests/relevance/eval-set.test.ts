import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../indexer/index/index-format.ts';
import { EVAL_KINDS, QUERY_FILES, readQueryFile } from '../tools/eval/eval-query.ts';
import { resolveTargets } from '../tools/eval/resolve-targets.ts';
import { scoreRanking } from '../tools/eval/score-ranking.ts';

describe('the evaluation set', () => {
  it('holds at least 300 queries of every kind, each naming its passages by path and excerpt', async () => {
    const queries = [...(await readQueryFile(QUERY_FILES.generated)).queries, ...(await readQueryFile(QUERY_FILES.topical)).queries];
    expect(queries.length).toBeGreaterThanOrEqual(300);
    for (const kind of EVAL_KINDS) expect(queries.filter((query) => query.kind === kind).length, kind).toBeGreaterThanOrEqual(30);
    expect(new Set(queries.map((query) => query.id)).size).toBe(queries.length);
    for (const query of queries) {
      expect(query.q.trim(), query.id).not.toBe('');
      expect(query.targets.some((target) => (target.grade ?? 1) > 0), query.id).toBe(true);
      for (const target of query.targets) expect(target.excerpt.split(' ').length, query.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every misspelled query a clean twin in the set', async () => {
    const { queries } = await readQueryFile(QUERY_FILES.generated);
    const ids = new Set(queries.map((query) => query.id));
    const misspelled = queries.filter((query) => query.kind.startsWith('misspelled'));
    expect(misspelled.length).toBeGreaterThan(0);
    for (const query of misspelled) expect(ids.has(query.twin ?? ''), query.id).toBe(true);
  });
});

const documentOf = (path: string, text: string, cuts: number[]): StoredDocument => ({
  id: path,
  path,
  title: path,
  source: 'test',
  sourceName: 'test',
  text,
  passages: cuts.slice(0, -1).map((start, ordinal) => ({ id: `${path}-p${ordinal}`, ordinal, start, end: cuts[ordinal + 1]!, wordCount: 0 })),
});

describe('resolving targets', () => {
  const text = 'The first passage talks of tariffs.\n\nThe second passage\n  talks of silver coinage and more.';
  const document = documentOf('a.txt', text, [0, 37, text.length]);

  it('finds the passage holding an excerpt, whatever the white space', () => {
    const { resolved, problems } = resolveTargets([{ id: 'q', kind: 'known-item', q: 'silver', targets: [{ path: 'a.txt', excerpt: 'passage talks of silver' }] }], [document]);
    expect(problems).toEqual([]);
    expect(resolved[0]!.resolved).toEqual([{ passageIds: ['a.txt-p1'], grade: 1 }]);
  });

  it('names every passage an excerpt straddles when the chunker cut inside it', () => {
    const { resolved } = resolveTargets([{ id: 'q', kind: 'known-item', q: 'x', targets: [{ path: 'a.txt', excerpt: 'tariffs. The second' }] }], [document]);
    expect(resolved[0]!.resolved[0]!.passageIds).toEqual(['a.txt-p0', 'a.txt-p1']);
  });

  it('leaves out a query whose excerpt is missing or ambiguous instead of guessing', () => {
    const { resolved, problems } = resolveTargets(
      [
        { id: 'missing', kind: 'known-item', q: 'x', targets: [{ path: 'a.txt', excerpt: 'not in the text' }] },
        { id: 'twice', kind: 'known-item', q: 'x', targets: [{ path: 'a.txt', excerpt: 'passage talks of' }] },
      ],
      [document],
    );
    expect(resolved).toEqual([]);
    expect(problems).toHaveLength(2);
  });
});

describe('scoring a ranking', () => {
  const target = (id: string, grade = 1) => ({ passageIds: [id], grade });

  it('takes the reciprocal rank of the first relevant passage in the top 10', () => {
    expect(scoreRanking(['x', 'a', 'y'], [target('a')]).reciprocalRank).toBe(0.5);
    expect(scoreRanking(['x', 'y'], [target('a')])).toMatchObject({ reciprocalRank: 0, recall: 0, ndcg: 0, firstRank: undefined });
    expect(scoreRanking([...'bcdefghijk', 'a'], [target('a')]).reciprocalRank).toBe(0);
  });

  it('counts recall out of the targets that fit in the top 10, ignoring grade 0', () => {
    const targets = Array.from({ length: 12 }, (_, i) => target(`t${i}`));
    expect(scoreRanking(['t0', 't1', 'x'], targets).recall).toBeCloseTo(0.2);
    expect(scoreRanking(['t0'], [target('t0'), target('z', 0)]).recall).toBe(1);
  });

  it('rewards graded passages in the ideal order with an nDCG of 1, and less otherwise', () => {
    const targets = [target('a', 2), target('b', 1)];
    expect(scoreRanking(['a', 'b'], targets).ndcg).toBeCloseTo(1);
    expect(scoreRanking(['b', 'a'], targets).ndcg).toBeCloseTo((1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)));
  });
});
