import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse, SuggestResponse } from '../../server/api/types.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex, fixtureDocumentId, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(ARCHIVE));
});
afterAll(() => server?.close());

const suggest = async (q: string, extra = '') => (await server.get<SuggestResponse>(`/api/suggest?q=${encodeURIComponent(q)}${extra}`)).body.suggestions;
const suggestionOf = async (q: string) => (await server.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`)).body.suggestion;

describe('GET /api/suggest', () => {
  it('completes the last word from the vocabulary, most frequent first, then titles holding every word', async () => {
    expect(await suggest('coal')).toEqual([
      { text: 'coalition', kind: 'word' },
      { text: 'coalision', kind: 'word' },
      { text: 'Ministers meet on the coalition against Daesh', kind: 'title', docId: fixtureDocumentId('press/2021-03-30-coalition.txt') },
    ]);
  });

  it('keeps the words before the last, and shows a word as the corpus usually writes it', async () => {
    expect((await suggest('coalition m', '&limit=2')).map((s) => s.text)).toEqual(['coalition minister', 'coalition ministers', 'Ministers meet on the coalition against Daesh']);
    expect((await suggest('sophie wilm')).map((s) => s.text)).toEqual(['sophie wilmès']);
    expect((await suggest('Wilm')).map((s) => s.text)).toEqual(['Wilmès']);
  });

  it('offers nothing for letters no word starts with', async () => {
    expect(await suggest('zzz')).toEqual([]);
  });
});

describe('did-you-mean', () => {
  it('suggests the closest corpus word for a word the corpus does not have', async () => {
    expect(await suggestionOf('coalitoin')).toBe('coalition');
    expect(await suggestionOf('Wilmse minister')).toBe('Wilmès minister');
    expect(await suggestionOf('"international" glasgw ')).toBe('"international" glasgow');
  });

  it('stays quiet when every word is in the corpus, or while the word being typed begins one', async () => {
    expect(await suggestionOf('coalision')).toBeUndefined();
    expect(await suggestionOf('climat change')).toBeUndefined();
    expect(await suggestionOf('internat')).toBeUndefined();
  });
});
