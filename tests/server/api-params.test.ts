import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResponse, ErrorResponse, SearchResponse } from '../../server/api/types.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex, fixtureDocumentId, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(ARCHIVE));
});
afterAll(() => server?.close());

const SEARCH_PARAMS = 'this endpoint takes q, source, speaker, lang, year, sort, page, limit';

describe('parameter validation', () => {
  it.each([
    ['/api/search?q=x&sorce=press', `Unknown parameter "sorce": ${SEARCH_PARAMS}`],
    ['/api/search?q=x&speaker=', 'speaker must not be empty'],
    [`/api/search?q=x&speaker=${'s'.repeat(201)}`, 'speaker must be at most 200 characters'],
    ['/api/search?q=x&lang=english', 'lang must be a language code such as en or fr'],
    ['/api/search?q=x&year=21', 'year must be a four-digit year'],
    [`/api/search?q=x${'&source=a'.repeat(51)}`, 'source can be given at most 50 times'],
    ['/api/search?q=x&page=1001', 'page must be a whole number from 1 to 1000'],
    ['/api/search?q=x&limit=0', 'limit must be a whole number from 1 to 50'],
    ['/api/search?q=x&limit=1.5', 'limit must be a whole number from 1 to 50'],
    ['/api/search?q=x&page=1&page=2', 'page must be given once, as a whole number from 1 to 1000'],
    ['/api/suggest', 'q is required (the text typed so far)'],
    [`/api/suggest?q=${'a'.repeat(201)}`, 'q must be at most 200 characters'],
    ['/api/suggest?q=a&limit=21', 'limit must be a whole number from 1 to 20'],
    ['/api/suggest?q=a&lmit=2', 'Unknown parameter "lmit": this endpoint takes q, limit'],
    [`/api/documents/${fixtureDocumentId('press/undated-note.txt')}?q=a&q=b`, 'q must be given once, as text'],
    [`/api/documents/${fixtureDocumentId('press/undated-note.txt')}?passage=x`, 'Unknown parameter "passage": this endpoint takes q'],
  ])('refuses %s with a 400 that says what to change', async (path, message) => {
    const { status, body } = await server.get<ErrorResponse>(path);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_parameter', message } });
  });

  it('accepts a query of the longest length allowed and reads its beginning', async () => {
    const { status, body } = await server.get<SearchResponse>(`/api/search?q=${encodeURIComponent(`glasgow ${'word '.repeat(298)}`)}`);
    expect(status).toBe(200);
    expect(body.interpretation?.notes.map((note) => note.code)).toContain('query_truncated');
  });
});

describe('GET /api/documents/:id?q=', () => {
  it('returns the metadata and the ranges of every matched word over the whole document', async () => {
    const id = fixtureDocumentId('transcripts/2021-03-24-briefing.txt');
    const { body } = await server.get<DocumentResponse>(`/api/documents/${id}?q=${encodeURIComponent('"climate change" wilmes OR pandemic ')}`);
    expect(body).toMatchObject({ date: '2021-03-24', lang: 'en', url: 'https://transcripts.example/briefing' });
    expect(body.passages.map((passage) => passage.page)).toEqual([1, 2, 2]);
    expect(body.highlights?.map(({ start, end, term }) => [body.text.slice(start, end), term])).toEqual([
      ['pandemic', 'pandemic'],
      ['climate', '"climate change"'],
      ['change', '"climate change"'],
    ]);
    expect(body.interpretation?.readAs).toBe('"climate change" (wilmes OR pandemic)');
  });

  it('highlights the same words the search highlights in the passage', async () => {
    const search = (await server.get<SearchResponse>('/api/search?q=coalition')).body;
    for (const hit of search.hits) {
      const document = (await server.get<DocumentResponse>(`/api/documents/${hit.docId}?q=coalition`)).body;
      const inPassage = document.highlights!.filter((range) => range.start >= hit.start && range.end <= hit.end).map((range) => document.text.slice(range.start, range.end));
      expect(inPassage).toEqual(hit.snippet.filter((segment) => segment.highlight).map((segment) => segment.text));
    }
  });
});
