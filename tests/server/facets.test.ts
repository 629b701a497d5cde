import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(ARCHIVE));
});
afterAll(() => server?.close());

const search = async (query: string) => (await server.get<SearchResponse>(`/api/search?${query}`)).body;
const counts = (values: { value: string; count: number }[] | undefined) => Object.fromEntries((values ?? []).map(({ value, count }) => [value, count]));

describe('facets', () => {
  it('counts source, speaker, language and year over every match, most frequent first, with labels', async () => {
    // "the" is in 8 passages: 5 from press (2 without a date), 3 from the transcript (2021, with speakers).
    const body = await search('q=the%20');
    expect(body.total).toBe(8);
    expect(body.facets.source).toEqual([
      { value: 'press', label: 'Press Office', count: 5 },
      { value: 'transcripts', label: 'Transcripts', count: 3 },
    ]);
    expect(body.facets.speaker).toEqual([
      { value: 'SECRETARY BLINKEN', label: 'SECRETARY BLINKEN', count: 2 },
      { value: 'FOREIGN MINISTER WILMES', label: 'FOREIGN MINISTER WILMES', count: 1 },
    ]);
    expect(body.facets.lang).toEqual([{ value: 'en', label: 'English', count: 6 }]);
    expect(body.facets.year).toEqual([
      { value: '2021', label: '2021', count: 5 },
      { value: '2020', label: '2020', count: 1 },
    ]);
  });

  it('counts each facet without its own selection, but with the other facets’ selections (disjunctive)', async () => {
    // coalition: press 2021 ×2, transcripts 2021 ×1, press undated ×1 (the near spelling "coalision").
    const body = await search('q=coalition&source=press&year=2021');
    expect(body.total).toBe(2);
    expect(counts(body.facets.source)).toEqual({ press: 2, transcripts: 1 });
    expect(counts(body.facets.year)).toEqual({ '2021': 2 });
    expect(counts(body.facets.lang)).toEqual({ en: 2 });
    expect(body.hits.every((hit) => hit.source === 'press')).toBe(true);
  });

  it('keeps any of several values of one facet (OR) and requires every facet (AND)', async () => {
    expect((await search('q=the%20&year=2020&year=2021')).total).toBe(6);
    expect((await search('q=the%20&speaker=SECRETARY%20BLINKEN&speaker=FOREIGN%20MINISTER%20WILMES')).total).toBe(3);
    const both = await search('q=the%20&speaker=SECRETARY%20BLINKEN&source=transcripts&lang=en');
    expect(both.total).toBe(2);
    expect(counts(both.facets.speaker)).toEqual({ 'SECRETARY BLINKEN': 2, 'FOREIGN MINISTER WILMES': 1 });
    expect(counts(both.facets.source)).toEqual({ transcripts: 2 });
  });

  it('lists a selected value that matches nothing, with a count of 0, so it can be unselected', async () => {
    const body = await search('q=climat%20&lang=de');
    expect(body.total).toBe(0);
    expect(body.facets.lang).toEqual([
      // climate (one typo away) in two English passages, and in the undated note that has no language.
      { value: 'en', label: 'English', count: 2 },
      { value: 'fr', label: 'French', count: 1 },
      { value: 'de', label: 'German', count: 0 },
    ]);
  });

  it('sorts equal counts by name', async () => {
    const body = await search('q=glasgow%20OR%20demining');
    expect(body.facets.source).toEqual([
      { value: 'press', label: 'Press Office', count: 1 },
      { value: 'transcripts', label: 'Transcripts', count: 1 },
    ]);
  });
});
