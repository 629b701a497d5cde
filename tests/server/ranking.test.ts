import { describe, expect, it } from 'vitest';
import { getIndexFacts } from '../../server/index/index-facts.ts';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';
import { parseQuery } from '../../server/query/parse-query.ts';
import { executeQuery } from '../../server/search/execute-query.ts';
import { rankMatches, type RankOptions } from '../../server/search/rank-matches.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex, type FixtureDocument } from '../support/memory-index.ts';

const archive = buildMemoryIndex(ARCHIVE);
const doc = (path: string, ...texts: string[]): FixtureDocument => ({ path, title: path, source: 'test', passages: texts.map((text) => ({ text })) });
const filler = (count: number) => Array.from({ length: count }, (_, i) => `filler${i}`).join(' ');

/** Passage names (`path pN`) in ranked order. */
function ranked(index: LoadedIndex, query: string, options: Partial<RankOptions> = {}): string[] {
  const facts = getIndexFacts(index);
  const tree = parseQuery(query);
  const { matches, matchMode } = executeQuery(index, facts, tree);
  return rankMatches(index, matches, tree, facts, matchMode, options).map(({ entry }) => `${entry.document.path} p${entry.passage.ordinal}`);
}

describe('ranking', () => {
  it('puts passages with the very word above other forms of it, even when BM25 prefers the other form', () => {
    const index = buildMemoryIndex([doc('a-form', 'coalitions coalitions coalitions coalitions.'), doc('b-exact', `${filler(60)} coalition ${filler(20)}`)]);
    const body = runSearch(index, { q: 'coalition ', sources: [], page: 1, limit: 10 });
    expect(body.hits.map((hit) => hit.title)).toEqual(['b-exact', 'a-form']);
    expect(body.hits[1]!.matchedTerms).toEqual([{ term: 'coalition', forms: ['coalitions'], match: 'fuzzy' }]);
  });

  it('puts the very word above longer words it begins while typing', () => {
    const index = buildMemoryIndex([doc('a-longer', 'coalitions coalitions coalitions.'), doc('b-word', `${filler(40)} coalition ${filler(40)}`)]);
    expect(ranked(index, 'coalition')).toEqual(['b-word p0', 'a-longer p0']);
  });

  it('lifts passages of documents whose title holds the query words', () => {
    const index = buildMemoryIndex([
      { ...doc('a-notes', `The budget ${filler(20)}.`), title: 'Notes' },
      { ...doc('b-debate', 'Opening remarks.', `The budget ${filler(24)}.`), title: 'Budget debate' },
    ]);
    // By text alone the shorter passage wins; the title lifts every passage of the budget debate.
    expect(ranked(index, 'budget ', { titleBoost: 0 })).toEqual(['b-debate p0', 'a-notes p0', 'b-debate p1']);
    expect(ranked(index, 'budget ')).toEqual(['b-debate p0', 'b-debate p1', 'a-notes p0']);
    expect(ranked(archive, 'cooperation ')).toEqual([
      'diplomatie/2019-11-05-climat.txt p0',
      'press/2020-06-01-cooperation.txt p0',
      'press/2020-06-01-cooperation.txt p1',
      'transcripts/2021-03-24-briefing.txt p1',
    ]);
  });

  it('lifts a matching passage that also uses words of the query word’s family, which alone never match', () => {
    const index = buildMemoryIndex([
      doc('a-mention', `Immigration was named ${filler(12)}.`),
      doc('b-about', `Immigration law: the immigrants who came and every immigrant after them ${filler(14)}.`),
      doc('c-family-only', 'The immigrants came.'),
    ]);
    // By BM25 alone the shorter passage wins; `immigrants` and `immigrant` are not forms of `immigration` (no match for c) but say what b is about.
    expect(ranked(index, 'immigration ', { relatedBoost: 0 })).toEqual(['a-mention p0', 'b-about p0']);
    expect(ranked(index, 'immigration ')).toEqual(['b-about p0', 'a-mention p0']);
    expect(runSearch(index, { q: 'immigration ', sources: [], page: 1, limit: 10 }).total).toBe(2);
    // A family word the query also asks for is scored as a query word, not lifted a second time.
    const facts = getIndexFacts(index);
    const tree = parseQuery('immigration immigrants ');
    const { matches, matchMode } = executeQuery(index, facts, tree);
    const ranks = (options: Partial<RankOptions>) => rankMatches(index, matches, tree, facts, matchMode, options).map(({ rank }) => rank);
    expect(ranks({})).toEqual(ranks({ relatedBoost: 0 }));
  });

  it('lifts passages where the query words stand close together', () => {
    const index = buildMemoryIndex([
      doc('a-apart', 'Climate was on the agenda, and climate again, and the climate once more; nothing will change.'),
      doc('b-together', `Leaders discussed climate change during ${filler(30)}.`),
    ]);
    expect(ranked(index, 'climate change ', { proximityBoost: 0 })).toEqual(['a-apart p0', 'b-together p0']);
    expect(ranked(index, 'climate change ')).toEqual(['b-together p0', 'a-apart p0']);
  });

  it('does not let common words drown a rare one in the any-word fallback', () => {
    const body = runSearch(archive, { q: 'the glasgow unicorn ', sources: [], page: 1, limit: 10 });
    expect(body.interpretation?.matchMode).toBe('any');
    // Every passage but two has "the"; only the one that says "Glasgow" is shown.
    expect(body.hits.map((hit) => `${hit.title} p${hit.ordinal}`)).toEqual(['Joint press availability in Brussels p2']);
  });

  it('breaks ties in corpus order, identically on every page', () => {
    const index = buildMemoryIndex([doc('c', 'same words here.'), doc('a', 'same words here.', 'same words here.'), doc('b', 'same words here.')]);
    expect(ranked(index, 'same words here')).toEqual(['a p0', 'a p1', 'b p0', 'c p0']);
    const pages = [1, 2, 3, 4].flatMap((page) => runSearch(index, { q: 'same words here', sources: [], page, limit: 1 }).hits.map((hit) => hit.id));
    expect(new Set(pages).size).toBe(4);
  });

  it('counts every match in total and pages deep into a long result list', () => {
    const many = buildMemoryIndex(Array.from({ length: 300 }, (_, i) => doc(`doc-${String(i).padStart(3, '0')}`, `report number ${i} on the budget`)));
    const last = runSearch(many, { q: 'budget', sources: [], page: 30, limit: 10 });
    expect(last.total).toBe(300);
    expect(last.hits.map((hit) => hit.title)).toEqual(Array.from({ length: 10 }, (_, i) => `doc-${290 + i}`));
  });

  it('answers a word in most passages the same before and after other searches', () => {
    // Most passages hold a word starting with `th`: their matches are refilled by each such query
    // (written `th*`: a typed word of two letters is the word itself).
    const index = buildMemoryIndex([
      doc('a-most', 'The theory there.', 'Thin thread.', 'Nothing here.', `There ${filler(8)} then.`),
      doc('b-most', 'They think.', 'Other words entirely.', 'Three things.'),
    ]);
    const search = (q: string) => ({ ...runSearch(index, { q, sources: [], page: 1, limit: 10 }), tookMs: 0 });
    const first = search('th*');
    expect(first.total).toBe(5);
    expect(first.hits).toHaveLength(5);
    search('thre');
    search('other words');
    search('think');
    expect(search('th*')).toEqual(first);
  });
});
