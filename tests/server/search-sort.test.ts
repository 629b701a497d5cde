import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(ARCHIVE));
});
afterAll(() => server?.close());

const search = async (params: string) => (await server.get<SearchResponse>(`/api/search?${params}`)).body;
const QUERY = 'q=the';

describe('sort', () => {
  it('orders hits newest first, undated documents last, and says each hit’s date', async () => {
    const { hits, total } = await search(`${QUERY}&sort=newest&limit=50`);
    expect(hits).toHaveLength(total);
    const dates = hits.map((hit) => hit.date ?? 'undated');
    expect(dates).toEqual([...dates].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a))));
    expect(dates.at(-1)).toBe('undated');
    expect(new Set(dates).size).toBeGreaterThan(2);
  });

  it('orders hits oldest first, undated last', async () => {
    const dates = (await search(`${QUERY}&sort=oldest&limit=50`)).hits.map((hit) => hit.date ?? 'undated');
    expect(dates).toEqual([...dates].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b))));
  });

  it('breaks ties of one date by relevance', async () => {
    const { hits } = await search(`${QUERY}&sort=newest&limit=50`);
    for (let i = 1; i < hits.length; i += 1) if (hits[i]!.date === hits[i - 1]!.date) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it.each(['newest', 'oldest', 'relevance'])('pages through %s without gaps or repeats', async (sort) => {
    const all = (await search(`${QUERY}&sort=${sort}&limit=50`)).hits.map((hit) => hit.id);
    const paged: string[] = [];
    for (let page = 1; page <= all.length; page += 1) paged.push(...(await search(`${QUERY}&sort=${sort}&limit=1&page=${page}`)).hits.map((hit) => hit.id));
    expect(paged).toEqual(all);
    expect((await search(`${QUERY}&sort=${sort}&limit=1&page=${all.length + 1}`)).hits).toEqual([]);
  });

  it('keeps relevance as the default, and refuses another order', async () => {
    expect((await search(`${QUERY}&limit=50`)).hits.map((hit) => hit.id)).toEqual((await search(`${QUERY}&sort=relevance&limit=50`)).hits.map((hit) => hit.id));
    expect(await server.get(`/api/search?${QUERY}&sort=date`)).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter', message: 'sort must be relevance, newest or oldest' } } });
  });
});
