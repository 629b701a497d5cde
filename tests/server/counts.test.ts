import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { getIndexFacts } from '../../server/index/index-facts.ts';
import { suggestCompletions } from '../../server/suggest/suggest-completions.ts';
import { NEIGHBOURS } from '../fixtures/search/neighbours.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';

const index = buildMemoryIndex(NEIGHBOURS);
const search = (q: string): SearchResponse => runSearch(index, { q, sources: [], page: 1, limit: 50 });
const sources = (body: SearchResponse) => Object.fromEntries(body.facets.source.map(({ value, count }) => [value, count]));
const texts = (body: SearchResponse) => body.hits.map((hit) => hit.text);
const forms = (body: SearchResponse) => body.hits.map((hit) => (hit.matchedTerms ?? []).flatMap((term) => term.forms));

describe('a word the archive holds', () => {
  it('matches that word and its forms, not the words one or two edits away', () => {
    const body = search('coalition ');
    expect(body.total).toBe(3);
    expect(sources(body)).toEqual({ bush: 3 });
    expect(body.interpretation?.readAs).toBe('coalition');
    expect(forms(body).flat().sort()).toEqual(['Coalition’s', 'coalition', 'coalition'].map((form) => form.replace('’', "'")).sort());
  });

  it('is matched as itself however rare it is, with its accents folded', () => {
    const naive = search('naïve ');
    expect([naive.total, sources(naive), texts(naive)]).toEqual([1, { carter: 1 }, ['It would be naïve to expect quick results.']]);
    const dames = search('dames ');
    expect([dames.total, sources(dames), texts(dames)]).toEqual([1, { roosevelt: 1 }, ['The dames of the court were present.']]);
  });

  it('is matched as itself while it is being typed too, with the words it begins', () => {
    const body = search('condition');
    expect(body.total).toBe(2);
    expect(sources(body)).toEqual({ cleveland: 2 });
    expect(body.interpretation?.terms).toEqual([{ text: 'condition', kind: 'word', prefix: true, typos: 0 }]);
  });
});

describe('a word the archive does not hold', () => {
  it('is matched by its near spellings, and did-you-mean offers the word', () => {
    const body = search('coalitoin ');
    expect(body.total).toBe(3);
    expect(sources(body)).toEqual({ bush: 3 });
    expect(body.interpretation?.readAs).toBe('coalitoin~2');
    expect(body.suggestion).toBe('coalition');
  });

  it('still finds a passage remembered with a typo', () => {
    const body = search('four fredoms ');
    expect(texts(body)).toEqual(['We look forward to a world founded upon four essential human freedoms.']);
    expect(body.suggestion).toBe('four freedoms');
  });
});

describe('a prefix', () => {
  it('expands over the words as written, never over their stems', () => {
    const body = search('international* ');
    expect(body.total).toBe(3);
    expect(sources(body)).toEqual({ bush: 1, taft: 2 });
    expect(forms(body).flat().sort()).toEqual(['International', 'international', 'internationally']);
  });

  it('finds every word starting with its letters', () => {
    const body = search('intern* ');
    expect(body.total).toBe(5);
    expect(sources(body)).toEqual({ bush: 1, taft: 4 });
  });
});

describe('an abbreviation', () => {
  it('is one word that never meets "us", tied by the synonyms to United States and US in capitals', () => {
    const body = search('U.S. ');
    expect(body.total).toBe(4);
    expect(sources(body)).toEqual({ obama: 4 });
    expect(body.alsoSearched).toEqual(['United States', 'U.S.A.', 'United States of America']);
    expect([...texts(body)].sort()).toEqual(['The U.S. will lead.', 'The U.S.A. and the U.K. met at the U.N., e.g. in New York.', 'The United States stands with its allies.', 'US troops came home.']);
  });

  it('leaves "us" the pronoun', () => {
    const body = search('us ');
    expect([body.total, texts(body)]).toEqual([1, ['Let us use what we have; it is useful to us.']]);
  });

  it.each(['U.K. ', 'U.N. ', 'UN ', 'e.g. '])('reads %j as one word, never the French "un"', (q) => {
    const body = search(q);
    expect([body.total, sources(body)]).toEqual([1, { obama: 1 }]);
  });

  it('leaves "un" the French word', () => {
    expect(texts(search('un '))).toEqual(['Un pays, un peuple, une voix.']);
  });

  it('completes as the archive writes it while typed, never as its letters apart', () => {
    // Typed, it is a prefix of the abbreviations as written: U.S., U.S.A. and U.S.S.R. (and United States, its synonym).
    expect(search('U.S').total).toBe(5);
    const words = suggestCompletions(index, getIndexFacts(index), 'U.S').filter((suggestion) => suggestion.kind === 'word');
    expect(words.map((suggestion) => suggestion.text)).toEqual(['U.S.', 'U.S.A.', 'U.S.S.R.']);
  });
});

describe('a number', () => {
  it.each(['1,000 ', '1,000', '1000'])('%j matches 1,000 and 1000, not 10,000, 100,000 or 1,000,000, and is never a prefix', (q) => {
    const body = search(q);
    expect(body.total).toBe(2);
    expect(sources(body)).toEqual({ clinton: 2 });
    expect(texts(body)).toEqual(['We will hire 1,000 new teachers.', 'Another 1000 schools will be connected.']);
    expect(body.interpretation?.terms[0]).toMatchObject({ prefix: false, typos: 0 });
  });

  it('is a prefix when the query asks for one with *', () => {
    expect(search('1000* ').total).toBe(4);
  });
});

describe('ranking', () => {
  it('puts the very word above its other forms, even when BM25 prefers the other form', () => {
    const body = search('inflation ');
    expect(body.total).toBe(2);
    expect(texts(body)).toEqual([
      'Inflation is our most serious domestic problem.',
      'Inflations and deflations, inflations and deflations: they come and go, inflations most of all.',
    ]);
    expect(body.hits.map((hit) => hit.matchedTerms?.[0]?.match)).toEqual(['exact', 'fuzzy']);
  });

  it('puts the very word above the longer words it begins while typed', () => {
    const body = search('inflation');
    expect(body.total).toBe(3);
    expect(texts(body)[0]).toBe('Inflation is our most serious domestic problem.');
    expect(body.hits.map((hit) => hit.matchedTerms?.[0]?.match)).toEqual(['exact', 'prefix', 'prefix']);
  });
});

describe('the year facet', () => {
  it('counts the dated matches and says how many have no date', () => {
    const body = search('slavery ');
    expect(body.total).toBe(4);
    expect(sources(body)).toEqual({ lincoln: 2, buchanan: 1, johnson: 1 });
    expect(body.facets.year).toEqual([{ value: '1901', label: '1901', count: 1 }]);
    expect(body.undated).toBe(3);
    expect(texts(body)).not.toContain('The slavers were punished.');
  });

  it('leaves undated out when every match has a date', () => {
    expect(search('inflation ').undated).toBeUndefined();
  });

  it('counts the matches without a date under the other facets’ selections, as the year counts are', () => {
    const body = runSearch(index, { q: 'slavery ', sources: ['lincoln', 'johnson'], years: ['1901'], page: 1, limit: 50 });
    expect(body.total).toBe(1);
    expect(body.facets.year).toEqual([{ value: '1901', label: '1901', count: 1 }]);
    expect(body.undated).toBe(2);
  });
});
