import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';
import { readTrustProxy } from '../../server/http/trust-proxy.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { hasStackTrace, startCli } from './support/child-process.ts';
import { startApp } from './support/http.ts';

let temp: TempFolder;
let indexDir: string;
let index: LoadedIndex;

beforeAll(async () => {
  temp = await makeTempFolder();
  indexDir = (await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir;
  index = await loadIndex(indexDir);
});
afterAll(() => temp?.remove());

describe('a bad setting in the environment', () => {
  it.each([
    ['PASSIM_RATE_LIMIT', 'lots', /PASSIM_RATE_LIMIT must be a whole number of requests per minute per client \(0 turns limiting off\), got "lots"/],
    ['PASSIM_TRUST_PROXY', 'true', /PASSIM_TRUST_PROXY must be a number of proxy hops .*; "true" is none of these/],
    ['PASSIM_WORKERS', 'many', /--workers \(or PASSIM_WORKERS\) must be a whole number from 1 to 64, or auto for one per core, got "many"/],
    ['PASSIM_ENGINE', 'elasticsearch', /--engine \(or PASSIM_ENGINE\) must be term-index or opensearch, got "elasticsearch"/],
    ['PASSIM_ENGINE', 'opensearch', /the OpenSearch engine needs PASSIM_OPENSEARCH_URL/],
  ])('%s=%s stops the server before it starts, in one line and the usage, exit code 2', async (name, value, message) => {
    const server = startCli('server/cli/serve.ts', ['--index', indexDir, '--port', '0'], { [name]: value });
    expect(await server.exited(20_000)).toEqual({ code: 2, signal: null });
    const { stdout, stderr } = server.output();
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage: npm run serve');
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stdout).not.toContain('Passim is serving');
  });
});

describe('PASSIM_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.1, 192.168.0.0/16, ::1, fd00::/8', ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(readTrustProxy(value === undefined ? {} : { PASSIM_TRUST_PROXY: value })).toEqual(expected);
  });

  it.each(['true', 'proxy.example', '10.0.0.1/33', '1.2.3.4/8/1', '-1'])('refuses %j', (value) => {
    expect(() => readTrustProxy({ PASSIM_TRUST_PROXY: value })).toThrow(/^PASSIM_TRUST_PROXY must be/);
  });

  const searchFrom = (url: string, headers: Record<string, string>) => fetch(`${url}/api/search?q=coal`, { headers });

  it('off by default: X-Forwarded-For cannot choose the address a client is limited by', async () => {
    const app = await startApp({ getIndex: () => index, requestsPerMinute: 2 });
    try {
      expect((await searchFrom(app.url, { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(200);
      expect((await searchFrom(app.url, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(200);
      expect((await searchFrom(app.url, { 'X-Forwarded-For': '203.0.113.3' })).status).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('behind a trusted proxy, limits each forwarded client on its own; links never follow X-Forwarded-Host', async () => {
    const app = await startApp({ getIndex: () => index, requestsPerMinute: 2, trustProxy: ['loopback'], allowedHosts: ['127.0.0.1', 'archive.example.org'] });
    try {
      const first = { 'X-Forwarded-For': '203.0.113.1', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'archive.example.org' };
      const response = await searchFrom(app.url, first);
      const body = (await response.json()) as SearchResponse;
      const cited = await fetch(`${app.url}/api/passages/${body.hits[0]!.id}/citation?style=text`, { headers: { 'X-Forwarded-For': '203.0.113.9', 'X-Forwarded-Host': 'archive.example.org' } });
      expect(((await cited.json()) as { text: string }).text).not.toContain('archive.example.org');
      expect((await searchFrom(app.url, first)).status).toBe(200);
      expect((await searchFrom(app.url, first)).status).toBe(429);
      expect((await searchFrom(app.url, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('the OpenSearch settings on the command line', () => {
  it.each([
    [['--engine', 'opensearch', '--opensearch-url', 'localhost:9200'], /PASSIM_OPENSEARCH_URL must be http:\/\/ or https:\/\/, got "localhost:9200"/],
    [['--opensearch-url', 'http://127.0.0.1:9200'], /--opensearch-url is for --engine opensearch/],
  ])('%j stops the server before it starts, in one line and the usage, exit code 2', async (flags, message) => {
    const server = startCli('server/cli/serve.ts', ['--index', indexDir, '--port', '0', ...flags], {});
    expect(await server.exited(20_000)).toEqual({ code: 2, signal: null });
    const { stdout, stderr } = server.output();
    expect(stderr).toMatch(message);
    expect(stderr).toContain('PASSIM_OPENSEARCH_URL');
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stdout).not.toContain('Passim is serving');
  });
});
