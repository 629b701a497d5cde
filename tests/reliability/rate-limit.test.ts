import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../server/index/load-index.ts';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';
import { DEFAULT_REQUESTS_PER_MINUTE, readRateLimit } from '../../server/http/rate-limit.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { startApp } from './support/http.ts';

let temp: TempFolder;
let index: LoadedIndex;

beforeAll(async () => {
  temp = await makeTempFolder();
  index = await loadIndex((await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir);
});
afterAll(() => temp?.remove());

const statuses = async (url: string, count: number, path = '/api/search?q=coal') => {
  const responses = await Promise.all(Array.from({ length: count }, () => fetch(`${url}${path}`)));
  await Promise.all(responses.map((response) => response.arrayBuffer()));
  return responses;
};

describe('per-client rate limiting', () => {
  it('answers a client over its limit with a 429, Retry-After and a JSON message', async () => {
    const app = await startApp({ getIndex: () => index, requestsPerMinute: 5 });
    try {
      const allowed = await statuses(app.url, 5);
      expect(allowed.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
      expect(allowed[0]!.headers.get('ratelimit-policy')).toContain('q=5; w=60');

      const limited = await fetch(`${app.url}/api/search?q=coal`);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited.json()).toEqual({
        error: { code: 'rate_limited', message: `Too many requests from your address (at most 5 a minute). Retry in ${retryAfter} seconds.` },
      });
    } finally {
      await app.close();
    }
  });

  it('counts every API endpoint, and leaves the page and its assets alone', async () => {
    const app = await startApp({ getIndex: () => index, requestsPerMinute: 2 });
    try {
      await statuses(app.url, 2, '/api/health');
      expect((await fetch(`${app.url}/api/suggest?q=co`)).status).toBe(429);
      expect((await fetch(`${app.url}/api/documents/0123456789abcdef`)).status).toBe(429);
      // No client folder in this app: the non-API path answers 404, but is not limited.
      expect((await fetch(`${app.url}/some/page`)).status).not.toBe(429);
    } finally {
      await app.close();
    }
  });

  it('is generous by default: a team typing as-you-type for a minute stays under it', async () => {
    const app = await startApp({ getIndex: () => index, requestsPerMinute: readRateLimit({}) });
    try {
      // Ten people typing a 20-letter query at once: a search and a suggestion per keystroke.
      const responses = await statuses(app.url, 400);
      expect(responses.filter((response) => response.status === 429)).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it('is off at 0, as benchmarks and load tests set it', async () => {
    const app = await startApp({ getIndex: () => index, requestsPerMinute: 0 });
    try {
      const responses = await statuses(app.url, 100);
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([200]));
      expect(responses[0]!.headers.get('ratelimit')).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('PASSIM_RATE_LIMIT', () => {
  it.each([
    [undefined, DEFAULT_REQUESTS_PER_MINUTE],
    ['', DEFAULT_REQUESTS_PER_MINUTE],
    ['0', 0],
    ['120', 120],
    [' 600 ', 600],
  ])('reads %j as %i requests a minute', (value, expected) => {
    expect(readRateLimit(value === undefined ? {} : { PASSIM_RATE_LIMIT: value })).toBe(expected);
  });

  it.each(['-1', 'ten', '1.5', '1e3', '9999999999'])('refuses %j with a message naming the variable', (value) => {
    expect(() => readRateLimit({ PASSIM_RATE_LIMIT: value })).toThrow(`PASSIM_RATE_LIMIT must be a whole number of requests per minute per client (0 turns limiting off), got "${value}"`);
  });

  it('is read when the app is created without an explicit limit', async () => {
    const saved = process.env.PASSIM_RATE_LIMIT;
    process.env.PASSIM_RATE_LIMIT = '1';
    try {
      const app = await startApp({ getIndex: () => index });
      try {
        expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
        expect((await fetch(`${app.url}/api/health`)).status).toBe(429);
      } finally {
        await app.close();
      }
    } finally {
      if (saved === undefined) delete process.env.PASSIM_RATE_LIMIT;
      else process.env.PASSIM_RATE_LIMIT = saved;
    }
  });
});
