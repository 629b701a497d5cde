import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(ARCHIVE));
});
afterAll(() => server?.close());

const search = async (q: string, extra = '') => (await server.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=50${extra}`)).body;
/** Hits as `title-start pN`, short enough to read in an expectation. */
const hitNames = (body: SearchResponse) => body.hits.map((hit) => `${hit.title.split(' ').slice(0, 2).join(' ')} p${hit.ordinal}`);
const marks = (body: SearchResponse) => body.hits.flatMap((hit) => hit.snippet.filter((s) => s.highlight).map((s) => s.text));

describe('the query language', () => {
  it('requires every word', async () => {
    expect(hitNames(await search('coalition autumn '))).toEqual(['Ministers meet p1']);
    // "Minister" is one typo from "ministers": that passage matches too, after the exact ones.
    expect(hitNames(await search('coalition ministers '))).toEqual(['Ministers meet p0', 'Ministers meet p1', 'Joint press p0']);
  });

  it('falls back to passages matching any word when none match all, and says so', async () => {
    const body = await search('glasgow demining ');
    expect(body.interpretation?.matchMode).toBe('any');
    expect(body.interpretation?.notes.map((note) => note.code)).toEqual(['any_word_fallback']);
    expect(hitNames(body).sort()).toEqual(['Joint press p2', 'Ministers meet p1']);
  });

  it('matches a phrase only where its words stand together in the passage text', async () => {
    const body = await search('"international cooperation"');
    expect(hitNames(body)).toEqual(['Only more p0']);
    expect(body.interpretation?.terms).toEqual([{ text: '"international cooperation"', kind: 'phrase', prefix: false, typos: 0 }]);
    expect(marks(body)).toEqual(['international', 'cooperation']);
  });

  it('leaves out passages with an excluded word or phrase', async () => {
    expect(hitNames(await search('coalition -brussels '))).not.toContain('Joint press p0');
    // coalition: Ministers meet p0 and p1, Joint press p0 (the archive holds the word: its near spelling "coalision" is not it).
    expect((await search('coalition -brussels ')).total).toBe(2);
    const withoutPhrase = await search('cooperation -"international cooperation" ');
    expect(hitNames(withoutPhrase)).not.toContain('Only more p0');
    // The words alone do not exclude: this passage has both, apart.
    expect(hitNames(withoutPhrase)).toContain('Only more p1');
  });

  it('lists every passage but the excluded ones for a query of exclusions only', async () => {
    const body = await search('-the');
    expect(hitNames(body)).toEqual(['Coopération internationale p0', 'Only more p0']);
  });

  it('joins neighbours with OR', async () => {
    expect(hitNames(await search('glasgow OR demining'))).toHaveLength(2);
    expect(hitNames(await search('climate glasgow OR summer ')).sort()).toEqual(['A note p1', 'Joint press p2']);
  });

  it('matches words starting with a prefix*, and the word being typed as a prefix', async () => {
    expect(marks(await search('intern* donors'))).toEqual(['international', 'donors']);
    expect(marks(await search('stabiliz'))).toEqual(['stabilization']);
    // A finished word (followed by a space) is not a prefix any more.
    expect((await search('stabiliz ')).total).toBe(0);
  });

  it('tolerates typos in long words only', async () => {
    expect(marks(await search('stabilisation '))).toEqual(['stabilization']);
    expect((await search('irak ')).total).toBe(0);
  });

  it.each([
    ['source:transcripts coalition', ['Joint press p0']],
    ['source:"Press Office" glasgow OR autumn', ['Ministers meet p1']],
    ['speaker:blinken climate', ['Joint press p2']],
    ['speaker:"foreign minister" cooperation', ['Joint press p1']],
    ['title:daesh coalition', ['Ministers meet p0', 'Ministers meet p1']],
    ['title:coopér* ministre', ['Coopération internationale p0']],
    ['lang:fr cooperation', ['Coopération internationale p0']],
    ['year:2020 cooperation', ['Only more p0', 'Only more p1']],
    ['year:2019..2020 international', ['Only more p0', 'Coopération internationale p0', 'Only more p1']],
    ['date:2021-03-24 coalition', ['Joint press p0']],
    ['date:>=2021-03-25 coalition', ['Ministers meet p0', 'Ministers meet p1']],
    ['-source:press coalition', ['Joint press p0']],
    ['source:press year:2021 coalition', ['Ministers meet p0', 'Ministers meet p1']],
  ])('filters on fields: %s', async (query, expected) => {
    expect(hitNames(await search(query)).sort()).toEqual([...expected].sort());
  });

  it('keeps passages of documents without a date out of a date filter, and in its exclusion', async () => {
    expect(hitNames(await search('coalision year:2021'))).toEqual([]);
    expect(hitNames(await search('coalision -year:2021'))).toEqual(['A note p0']);
  });

  it('lists every passage of a filter-only query in corpus order', async () => {
    expect(hitNames(await search('source:press'))).toEqual(['Only more p0', 'Only more p1', 'Ministers meet p0', 'Ministers meet p1', 'A note p0', 'A note p1']);
  });

  it.each([
    ['an unclosed quote', '"international cooperation', 'unclosed_quote', 1],
    ['a doubled OR', 'coalition OR OR ministers', 'stray_operator', 4],
    ['a lone minus', '- coalition', 'stray_operator', 3],
    ['a control character', 'coalition\u0000', 'control_characters', 3],
    ['1,410 characters', `coalition ${'x'.repeat(1400)}`, 'query_truncated', 3],
  ])('answers malformed input (%s) sensibly and says how it was read', async (_case, query, note, total) => {
    const body = await search(query);
    expect(body.total).toBe(total);
    expect(body.interpretation?.notes.map((n) => n.code)).toContain(note);
  });

  it('answers a query with no searchable words with no hits and a note', async () => {
    const body = await search('—!');
    expect(body).toMatchObject({ total: 0, hits: [], facets: { source: [] } });
    expect(body.interpretation?.notes.map((note) => note.code)).toEqual(['no_terms']);
  });

  it('reports which query term each passage matched, and in which forms', async () => {
    const body = await search('coalition intern* ');
    expect(body.hits[0]!.matchedTerms).toEqual([
      { term: 'intern', forms: ['international'], match: 'prefix' },
      { term: 'coalition', forms: ['coalition'], match: 'exact' },
    ]);
  });
});
