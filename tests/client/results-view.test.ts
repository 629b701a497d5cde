import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../server/api/types.ts';
import { toSearchRequest, withoutYearFilter } from '../../client/src/api/search.ts';
import { listActiveFilters } from '../../client/src/facets/facet-filters.ts';
import { binYears, describeYearCoverage } from '../../client/src/facets/year-bins.ts';
import { markMatches } from '../../client/src/reader/mark-matches.ts';
import { countDocuments, groupHits } from '../../client/src/search/group-hits.ts';
import { formatUrlSearch, parseUrlState } from '../../client/src/url/url-state.ts';

const hit = (id: string, docId: string): SearchHit =>
  ({ id, docId, title: docId, source: 's', sourceName: 'S', ordinal: 0, start: 0, end: 1, score: 1, text: '', snippet: [] }) as SearchHit;

describe('grouping hits by document', () => {
  it('gathers each document’s hits under its best one, keeping both orders', () => {
    const groups = groupHits([hit('a1', 'a'), hit('b1', 'b'), hit('a2', 'a'), hit('c1', 'c'), hit('b2', 'b')]);
    expect(groups.map((group) => group.hits.map((member) => member.id))).toEqual([['a1', 'a2'], ['b1', 'b2'], ['c1']]);
  });

  it('counts documents only when every matching passage is on the page', () => {
    expect(countDocuments([hit('a1', 'a'), hit('a2', 'a'), hit('b1', 'b')], 3)).toBe(2);
    expect(countDocuments([hit('a1', 'a')], 12)).toBeUndefined();
  });
});

describe('the URL', () => {
  it('round-trips every part of a view', () => {
    const search = '?q=coalition+meeting&source=state.gov&source=press&speaker=A&lang=en&years=1990-2001&sort=newest&page=3&doc=d&passage=d-p1&check=quote';
    const state = parseUrlState(search);
    expect(state).toEqual({
      q: 'coalition meeting',
      sources: ['state.gov', 'press'],
      speakers: ['A'],
      langs: ['en'],
      years: { from: 1990, to: 2001 },
      sort: 'newest',
      page: 3,
      doc: 'd',
      passage: 'd-p1',
      check: 'quote',
    });
    expect(formatUrlSearch(state)).toBe(search);
  });

  it.each([
    ['2021', { from: 2021, to: 2021 }],
    ['2001-1990', { from: 1990, to: 2001 }],
    ['21', null],
    ['1990-', null],
    ['abcd', null],
  ])('reads years=%s as %j', (years, expected) => {
    expect(parseUrlState(`?years=${years}`).years).toEqual(expected);
  });

  it('sends a year range as the years the API filters on, and filters in one order', () => {
    const request = toSearchRequest({ q: ' war ', sources: ['b', 'a', 'b'], speakers: [], langs: ['fr'], years: { from: 1999, to: 2001 }, page: 2 });
    expect(request).toEqual({ q: 'war ', source: ['a', 'b'], speaker: [], lang: ['fr'], year: ['1999', '2000', '2001'], sort: 'relevance', page: 2, limit: 10 });
  });

  it('ends a finished query with a space, so its last word is no prefix; a query being typed goes as typed', () => {
    const input = { sources: [], speakers: [], langs: [], years: null, page: 1 };
    expect(toSearchRequest({ ...input, q: 'moon OR mars' }).q).toBe('moon OR mars ');
    expect(toSearchRequest({ ...input, q: 'moon OR mars', typing: true }).q).toBe('moon OR mars');
    expect(toSearchRequest({ ...input, q: 'moon OR mars  ', typing: true }).q).toBe('moon OR mars ');
    expect(toSearchRequest({ ...input, q: '   ', typing: true }).q).toBe('');
  });

  it('keeps the default order out of the URL, and reads an unknown order as the default', () => {
    expect(formatUrlSearch({ q: 'war', sort: 'relevance' })).toBe('?q=war');
    expect(parseUrlState('?q=war&sort=sideways').sort).toBe('relevance');
    expect(toSearchRequest({ q: 'war', sources: [], speakers: [], langs: [], years: null, sort: 'oldest', page: 1 }).sort).toBe('oldest');
  });

  it('sends a range longer than the server takes as year values as a year filter in the query', () => {
    const request = toSearchRequest({ q: 'war', sources: [], speakers: [], langs: [], years: { from: 1850, to: 1950 }, page: 1 });
    expect(request.q).toBe('war year:1850..1950 ');
    expect(request.year).toEqual([]);
    expect(withoutYearFilter('wars year:1850..1950', { years: { from: 1850, to: 1950 } })).toBe('wars');
  });
});

describe('active filters', () => {
  it('labels each chip with the facet’s display name, and removing one keeps the others', () => {
    const chips = listActiveFilters(
      { sources: ['state.gov', 'gone'], speakers: [], langs: ['en'], years: { from: 2019, to: 2021 } },
      { source: [{ value: 'state.gov', label: 'U.S. Department of State', count: 1 }], lang: [{ value: 'en', label: 'English', count: 3 }] },
    );
    expect(chips.map((chip) => chip.label)).toEqual(['Source: U.S. Department of State', 'Source: gone', 'Language: English', 'Years: 2019–2021']);
    expect(chips[0]!.without).toEqual({ sources: ['gone'] });
  });
});

describe('year histogram bins', () => {
  it('spans first to last year with gaps as zero, and groups long spans into at most the given number of bins', () => {
    expect(binYears([{ year: 2019, count: 2 }, { year: 2021, count: 5 }])).toEqual([
      { from: 2019, to: 2019, count: 2 },
      { from: 2020, to: 2020, count: 0 },
      { from: 2021, to: 2021, count: 5 },
    ]);
    const long = binYears(Array.from({ length: 232 }, (_, index) => ({ year: 1790 + index, count: 1 })), 48);
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long.reduce((sum, bin) => sum + bin.count, 0)).toBe(232);
    expect(long.at(-1)!.to).toBe(2021);
  });
});

describe('marking matches in the reader', () => {
  it('cuts text into paragraphs at blank lines and marks each highlight at its document offset', () => {
    const text = 'The coalition met.\n\nThe Coalition agreed.';
    const paragraphs = markMatches(text, 100, [
      { start: 104, end: 113, term: 'coalition' },
      { start: 124, end: 133, term: 'coalition' },
    ]);
    expect(paragraphs).toEqual([
      { start: 100, runs: [{ text: 'The ' }, { text: 'coalition', match: { index: 0, term: 'coalition' } }, { text: ' met.' }] },
      { start: 120, runs: [{ text: 'The ' }, { text: 'Coalition', match: { index: 1, term: 'coalition' } }, { text: ' agreed.' }] },
    ]);
  });

  it('leaves text without highlights whole and ignores highlights elsewhere in the document', () => {
    expect(markMatches('Plain words.', 0, [{ start: 50, end: 55, term: 'x' }])).toEqual([{ start: 0, runs: [{ text: 'Plain words.' }] }]);
  });
});

describe('what the year facet says of the dates', () => {
  it('says how many matches have a date when some have none, never that every match is from one year', () => {
    expect(describeYearCoverage([{ year: 1901, count: 3 }], 111)).toBe('3 of 114 matches have a date, all from 1901.');
    expect(describeYearCoverage([{ year: 1901, count: 1 }, { year: 1950, count: 1200 }], 2000)).toBe('1,201 of 3,201 matches have a date.');
  });

  it('names the one year only when every match has a date, and adds nothing a histogram already shows', () => {
    expect(describeYearCoverage([{ year: 1901, count: 3 }], 0)).toBe('Every match is from 1901.');
    expect(describeYearCoverage([{ year: 1901, count: 3 }])).toBe('Every match is from 1901.');
    expect(describeYearCoverage([{ year: 1901, count: 3 }, { year: 1902, count: 1 }], 0)).toBeUndefined();
    expect(describeYearCoverage([], 5)).toBeUndefined();
    // Counts the server estimated say so, and claim nothing of every match.
    expect(describeYearCoverage([{ year: 1901, count: 3000 }, { year: 1950, count: 1200 }], 2000, true)).toBe('About 4,200 of 6,200 matches have a date.');
    expect(describeYearCoverage([{ year: 1901, count: 3000 }], 0, true)).toBe('Every match in the sample is from 1901.');
    expect(describeYearCoverage([{ year: 1901, count: 3000 }], 2000, true)).toBe('About 3,000 of 5,000 matches have a date; every dated match in the sample is from 1901.');
    expect(describeYearCoverage([{ year: 1901, count: 3000 }, { year: 1902, count: 1 }], 0, true)).toBeUndefined();
  });
});
