import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResponse, ErrorResponse, HealthResponse, SearchResponse } from '../../server/api/types.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeTempFolder();
  const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
  server = await serveIndex({ indexDir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await temp?.remove();
});

async function get<T>(path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
const search = async (query: string) => (await get<SearchResponse>(`/api/search?${query}`)).body;
const highlightsOf = (body: SearchResponse) => body.hits.map((hit) => hit.snippet.filter((s) => s.highlight).map((s) => s.text));

describe('GET /api/search', () => {
  it('finds passages from every source, with the matched word highlighted and offsets into the document', async () => {
    const body = await search('q=coalition');
    expect(body).toMatchObject({ query: 'coalition', total: 2, page: 1, limit: 10 });
    expect(body.tookMs).toBeGreaterThanOrEqual(0);
    expect(body.hits.map((hit) => hit.source).sort()).toEqual(['press', 'transcripts']);
    for (const highlights of highlightsOf(body)) expect(highlights.map((h) => h.toLowerCase())).toContain('coalition');

    const hit = body.hits.find((h) => h.source === 'transcripts')!;
    expect(hit).toMatchObject({ title: 'Transcript (briefing)', sourceName: 'transcripts', speaker: 'SECRETARY BLINKEN', ordinal: 0 });
    const document = (await get<DocumentResponse>(`/api/documents/${hit.docId}`)).body;
    expect(document.text.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it('counts every source in the facet even when the results are filtered to one', async () => {
    const all = await search('q=coalition');
    const filtered = await search('q=coalition&source=transcripts');
    const expectedFacet = [
      { value: 'press', label: 'Press Office', count: 1 },
      { value: 'transcripts', label: 'transcripts', count: 1 },
    ];
    expect(all.facets.source).toEqual(expectedFacet);
    expect(filtered.facets.source).toEqual(expectedFacet);
    expect(filtered.total).toBe(1);
    expect(filtered.hits.map((hit) => hit.source)).toEqual(['transcripts']);
  });

  it('keeps the hits of any of several selected sources', async () => {
    const body = await search('q=coalition&source=transcripts&source=press');
    expect(body.total).toBe(2);
  });

  it('matches accented and upper-case forms of a word typed without accents', async () => {
    const body = await search('q=wilmes');
    expect(highlightsOf(body).flat().sort()).toEqual(['WILMES', 'Wilmès', 'Wilmès']);
  });

  it('requires every word and treats the last one as a prefix while typing', async () => {
    expect((await search('q=coalition%20pleasure')).hits.map((hit) => hit.source)).toEqual(['transcripts']);
    const typing = await search('q=intern');
    expect(typing.total).toBeGreaterThan(0);
    expect(highlightsOf(typing).flat().map((word) => word.toLowerCase())).toContain('international');
  });

  it('pages through results without repeating a hit', async () => {
    const page1 = await search('q=the&limit=2&page=1');
    const page2 = await search('q=the&limit=2&page=2');
    expect(page1.total).toBe(page2.total);
    expect(page1.hits).toHaveLength(2);
    expect(page2.hits.map((h) => h.id)).not.toContain(page1.hits[0]!.id);
  });

  it('answers a query with no words in it with no hits', async () => {
    expect(await search('q=%E2%80%94%21')).toMatchObject({ total: 0, hits: [], facets: { source: [] } });
  });

  it.each([
    ['', 'q is required (the words to search for)'],
    ['q=%20%20', 'q must not be empty'],
    ['q=x&page=0', 'page must be a whole number from 1 to 1000'],
    ['q=x&page=two', 'page must be a whole number from 1 to 1000'],
    ['q=x&limit=51', 'limit must be a whole number from 1 to 50'],
    ['q=x&limit=-1', 'limit must be a whole number from 1 to 50'],
    ['q=x&q=y', 'q must be given once, as text'],
    ['q=x&source=', 'source must not be empty'],
  ])('refuses bad parameters with a 400 that says what is wrong: ?%s', async (query, message) => {
    const { status, body } = await get<ErrorResponse>(`/api/search?${query}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_parameter', message } });
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the text and the passage boundaries', async () => {
    const hit = (await search('q=cooperation&source=press')).hits[0]!;
    const document = (await get<DocumentResponse>(`/api/documents/${hit.docId}`)).body;
    expect(document).toMatchObject({ id: hit.docId, title: 'Only more international cooperation is successful', source: 'press', sourceName: 'Press Office' });
    expect(document.passages.map((p) => p.ordinal)).toEqual(document.passages.map((_, i) => i));
    expect(document.passages[0]).toMatchObject({ id: `${hit.docId}-p0`, start: 0 });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect(await get('/api/documents/0000000000000000')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await get('/api/documents/..%2F..%2Fetc')).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } });
  });
});

describe('the server', () => {
  it('reports its index on /api/health', async () => {
    const { body } = await get<HealthResponse>('/api/health');
    expect(body).toMatchObject({ status: 'ok', documents: 3, passages: 4 });
    expect(Date.parse(body.builtAt)).not.toBeNaN();
  });

  it('answers unknown API paths with a JSON 404 and sends security headers', async () => {
    const { status, body, headers } = await get<ErrorResponse>('/api/nothing-here');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'No API endpoint GET /api/nothing-here' } });
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-powered-by')).toBeNull();
  });
});
