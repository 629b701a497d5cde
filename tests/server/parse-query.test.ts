import { describe, expect, it } from 'vitest';
import { describeQuery } from '../../server/query/describe-query.ts';
import { parseQuery } from '../../server/query/parse-query.ts';

const read = (query: string) => {
  const tree = parseQuery(query);
  return { readAs: describeQuery(tree), notes: tree.notes.map((note) => note.code) };
};

describe('parseQuery', () => {
  it.each([
    // words: AND, typo budget by length, the last word typed is a prefix
    ['coalition', 'coalition*~2'],
    ['coalition ', 'coalition~2'],
    ['Wilmès coal', 'wilmes~1 coal*'],
    ['iraq syria ', 'iraq syria~1'],
    ['1989 lessons ', '1989 lessons~1'],
    ['Coalition’s ', 'coalition~2'],
    ['coalition AND syria ', 'coalition~2 syria~1'],
    // OR binds its neighbours
    ['climate change OR warming ', 'climate~1 (change~1 OR warming~1)'],
    ['a OR b OR c d', '(a OR b OR c) d'],
    // phrases, exact words, joined words
    ['"international cooperation" climate ', '"international cooperation" climate~1'],
    ['"coalition"', 'coalition'],
    ['F-16 jets ', '"f 16" jets'],
    ['10:30', '"10 30"'],
    ['foo:bar', '"foo bar"'],
    // exclusions are exact
    ['-camps coalition ', '-camps coalition~2'],
    ['NOT camps coalition ', '-camps coalition~2'],
    ['-"climate change" climate ', '-"climate change" climate~1'],
    // explicit prefixes
    ['intern* coalition ', 'intern* coalition~2'],
    // filters
    ['source:press coalition ', 'coalition~2 source:press'],
    ['source:press source:transcripts', 'source:(press OR transcripts)'],
    ['-source:press x', 'x -source:press'],
    ['speaker:"secretary blinken" climate ', 'climate~1 speaker:"secretary blinken"'],
    ['title:coalit*', 'title:coalit*'],
    ['lang:fr', 'lang:fr'],
    ['year:2021', 'year:2021'],
    ['year:2019..2021', 'year:2019..2021'],
    ['year:>2019', 'year:>2019'],
    ['date:2021-03..2021-06', 'date:2021-03..2021-06'],
  ])('reads %j as %j', (query, readAs) => {
    expect(read(query)).toEqual({ readAs, notes: [] });
  });

  it.each([
    ['OR coalition ', 'coalition~2', ['stray_operator']],
    ['coalition OR', 'coalition~2', ['stray_operator']],
    ['coalition OR OR syria ', '(coalition~2 OR syria~1)', ['stray_operator']],
    ['x OR -y', 'x -y', ['stray_operator']],
    ['coalition OR source:press', 'coalition~2 source:press', ['stray_operator']],
    ['coalition - syria ', 'coalition~2 syria~1', ['stray_operator']],
    ['-', '', ['stray_operator', 'no_terms']],
    ['"international cooperation', '"international cooperation"', ['unclosed_quote']],
    ['*tion ', 'tion', ['unsupported_syntax']],
    ['co\u0000al\u0007ition ', 'coalition~2', ['control_characters']],
    ['lang:french', '', ['invalid_filter', 'no_terms']],
    ['date:2021-13 coalition ', 'coalition~2', ['invalid_filter']],
    ['year:', '', ['invalid_filter', 'no_terms']],
    ['""', '', ['no_terms']],
    ['—!', '', ['no_terms']],
  ])('repairs %j into %j and says so', (query, readAs, notes) => {
    expect(read(query)).toEqual({ readAs, notes });
  });

  it('reads a 10,000-character query without failing, keeping the first 1000 characters and 32 clauses', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const tree = parseQuery(words.slice(0, 10_000));
    expect(tree.clauses).toHaveLength(32);
    expect(tree.notes.map((note) => note.code)).toEqual(['query_truncated', 'query_truncated']);
  });

  it('gives short words no typos, mid-length words one and long words two', () => {
    const tree = parseQuery('iraq syria stabilization ');
    expect(tree.clauses.map((clause) => (clause.kind === 'term' ? clause.typos : -1))).toEqual([0, 1, 2]);
  });

  it('turns year and date filters into inclusive or exclusive bounds', () => {
    const bounds = (query: string) => parseQuery(query).filters.map((filter) => (filter.field === 'date' ? filter.bounds : undefined));
    expect(bounds('year:2021')).toEqual([{ from: '2021', to: '2021' }]);
    expect(bounds('year:2019-2021')).toEqual([{ from: '2019', to: '2021' }]);
    expect(bounds('date:..2021-06')).toEqual([{ to: '2021-06' }]);
    expect(bounds('year:<2020')).toEqual([{ before: '2020' }]);
    expect(bounds('year:2021..2019')).toEqual([]);
  });
});
