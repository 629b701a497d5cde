import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, makeTempFolder, SEED_CORPUS, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeTempFolder();
  const { indexDir } = await buildTempIndex(SEED_CORPUS, temp);
  server = await serveIndex({ indexDir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await temp?.remove();
});

const search = async (q: string) => (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&limit=50`)).json()) as SearchResponse;

describe('the seed corpus', () => {
  it('highlights both Wilmès and WILMES for ?q=wilmes', async () => {
    const body = await search('wilmes');
    const marks = new Set(body.hits.flatMap((hit) => hit.snippet.filter((s) => s.highlight).map((s) => s.text)));
    expect(marks).toContain('Wilmès');
    expect(marks).toContain('WILMES');
  });

  it('returns only passages holding the phrase for ?q="international cooperation"', async () => {
    const body = await search('"international cooperation"');
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBe(body.hits.length);
    for (const hit of body.hits) {
      expect(hit.text.toLowerCase().replace(/\s+/g, ' ')).toContain('international cooperation');
      expect(hit.snippet.filter((s) => s.highlight).map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining(['international', 'cooperation']));
    }
    // Without quotes, passages holding both words apart are found too.
    expect((await search('international cooperation ')).total).toBeGreaterThan(body.total);
  });
});
