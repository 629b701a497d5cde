import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, SearchResponse } from '../../server/api/types.ts';
import { readAllowedHosts } from '../../server/http/allowed-hosts.ts';
import type { AppOptions } from '../../server/http/create-app.ts';
import { MAX_QUERY_LENGTH } from '../../server/http/routes/search-route.ts';
import { CLIENT_CACHE_CONTROL } from '../../server/http/serve-client.ts';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';
import { rawExchange, rawRequest, startApp, type StartedApp } from '../reliability/support/http.ts';

const ASSET = 'assets/index-3f9a1c2b.js';
/** A bundle-like file, large enough to be worth compressing. */
const ASSET_TEXT = Array.from({ length: 400 }, (_, n) => `export function step${n}(value) { return value * ${n} + ${n % 7}; }`).join('\n');

let temp: TempFolder;
let index: LoadedIndex;
let app: StartedApp;
const started: StartedApp[] = [];

/** The app on an ephemeral loopback port, closed after the file's tests. */
async function start(options: Partial<AppOptions> = {}): Promise<StartedApp> {
  const running = await startApp({ getIndex: () => index, requestsPerMinute: 0, ...options } as AppOptions);
  started.push(running);
  return running;
}

beforeAll(async () => {
  temp = await makeTempFolder();
  const clientDir = join(temp.path, 'dist');
  await mkdir(join(clientDir, 'assets'), { recursive: true });
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Passim</title><div id="root"></div>');
  await writeFile(join(clientDir, ASSET), ASSET_TEXT);
  await writeFile(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  index = buildMemoryIndex(ARCHIVE);
  // Relative, as `npm start` gives it (`client/dist`): `sendFile` refuses a relative path.
  app = await start({ clientDir: relative(process.cwd(), clientDir) });
});
afterAll(async () => {
  for (const running of started) await running.close();
  await temp?.remove();
});

const get = (path: string, headers: Record<string, string> = {}, on: StartedApp = app) => rawRequest(on.url, path, { headers });
const errorOf = (body: string) => (JSON.parse(body) as ErrorResponse).error;
const port = () => new URL(app.url).port;

describe('the built client', () => {
  it.each(['/', '/search?q=coalition', '/a/bookmarked/deep/link'])('serves the app for the page path %s, from a client folder given as a relative path', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe(CLIENT_CACHE_CONTROL.page);
  });

  it.each(['/robots.txt', '/assets/index-00000000.js', '/favicon.ico'])('answers the missing file %s with a 404 in JSON, not a 500', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(errorOf(response.body)).toEqual({ code: 'not_found', message: `No file ${path}` });
  });

  it('answers a request the client does not take (a POST to a page) with a 404', async () => {
    const response = await rawRequest(app.url, '/search', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(errorOf(response.body).code).toBe('not_found');
  });

  it('caches hashed assets for a year as immutable, and has index.html revalidated', async () => {
    expect((await get(`/${ASSET}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    // Not hashed: cached for an hour only.
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('compression', () => {
  const searchPath = '/api/search?q=coalition%20OR%20cooperation%20OR%20ministers&limit=10';

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ])('sends an API answer compressed with %s when the browser takes it, with the same content', async (encoding, decompress) => {
    const plain = await get(searchPath);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const packed = await get(searchPath, { 'accept-encoding': encoding });
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
    // Compressed whole, in one call (not streamed in chunks on the thread pool): its length is known.
    expect(Number(packed.headers['content-length'])).toBe(packed.bytes.length);
    expect(packed.headers['transfer-encoding']).toBeUndefined();
    expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 2);
    const unpacked = JSON.parse(decompress(packed.bytes).toString('utf8')) as SearchResponse;
    const expected = JSON.parse(plain.body) as SearchResponse;
    expect({ ...unpacked, tookMs: 0 }).toEqual({ ...expected, tookMs: 0 });
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['identity only', { 'accept-encoding': 'identity' }],
  ])('sends an answer as it is to a request that takes no encoding (%s), still saying it varies by encoding', async (_case, headers) => {
    const response = await get(searchPath, headers);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect((JSON.parse(response.body) as SearchResponse).hits.length).toBeGreaterThan(0);
  });

  it('compresses for a request that takes any encoding (*)', async () => {
    const response = await get(searchPath, { 'accept-encoding': '*' });
    expect(['br', 'gzip']).toContain(response.headers['content-encoding']);
  });

  it('compresses the client’s scripts, preferring brotli', async () => {
    const response = await get(`/${ASSET}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.bytes).toString('utf8')).toBe(ASSET_TEXT);
    expect(response.bytes.length).toBeLessThan(ASSET_TEXT.length / 4);
  });
});

describe('the Host a request names', () => {
  it.each(['localhost', '127.0.0.1', '[::1]'])('is answered for the loopback name %s', async (name) => {
    const response = await get('/api/health', { host: `${name}:${port()}` });
    expect(response.status).toBe(200);
  });

  it.each(['/api/health', '/', `/${ASSET}`])('is refused with a 421 for another name, on %s (DNS rebinding)', async (path) => {
    const response = await get(path, { host: `attacker.example:${port()}` });
    expect(response.status).toBe(421);
    expect(errorOf(response.body)).toEqual({
      code: 'unknown_host',
      message: 'This Passim server does not answer for the host "attacker.example". Its operator can allow it with PASSIM_ALLOWED_HOSTS.',
    });
    expect(response.body).not.toContain('root');
  });

  it('is refused with a 400 when the request names none', async () => {
    const response = await rawExchange(app.url, 'GET /api/health HTTP/1.0\r\n\r\n');
    expect(response.status).toBe(400);
    expect(errorOf(response.body)).toEqual({ code: 'unknown_host', message: 'The request has no Host header: say which server it is for.' });
  });

  it('answers only the names it is given, and behind a trusted proxy reads the forwarded host', async () => {
    const team = await start({ allowedHosts: ['passim.example.org'], trustProxy: ['loopback'] });
    expect((await get('/api/health', { host: 'passim.example.org' }, team)).status).toBe(200);
    expect((await get('/api/health', { host: 'PASSIM.example.org.' }, team)).status).toBe(200);
    expect((await get('/api/health', { host: 'localhost' }, team)).status).toBe(421);
    expect((await get('/api/health', { host: 'passim.example.org', 'x-forwarded-host': 'attacker.example' }, team)).status).toBe(421);
  });
});

describe('readAllowedHosts', () => {
  it('allows the loopback names and the listening address by default', () => {
    expect(readAllowedHosts('127.0.0.1', {})).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(readAllowedHosts('192.168.1.20', {})).toEqual(['localhost', '127.0.0.1', '::1', '192.168.1.20']);
  });

  it('allows the machine’s name and addresses when listening on every interface', () => {
    const hosts = readAllowedHosts('0.0.0.0', {});
    expect(hosts).toContain(hostname().toLowerCase());
    expect(hosts).toContain('127.0.0.1');
    expect(hosts).not.toContain('0.0.0.0');
  });

  it('takes PASSIM_ALLOWED_HOSTS instead, and the host of the public URL besides', () => {
    expect(readAllowedHosts('127.0.0.1', { PASSIM_ALLOWED_HOSTS: ' Passim.Example.org , [::1]' })).toEqual(['passim.example.org', '::1']);
    expect(readAllowedHosts('127.0.0.1', {}, 'https://archive.example.org/passim')).toContain('archive.example.org');
  });

  it.each(['http://passim.example.org', 'passim.example.org:3000', 'a b', 'passim.example.org,'])('refuses the setting %s with a message that shows the form', (setting) => {
    expect(() => readAllowedHosts('127.0.0.1', { PASSIM_ALLOWED_HOSTS: setting })).toThrow(/PASSIM_ALLOWED_HOSTS must be a comma-separated list of host names/);
  });
});

describe('Strict-Transport-Security', () => {
  it('is not sent over plain HTTP', async () => {
    expect((await get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    expect((await get('/')).headers['strict-transport-security']).toBeUndefined();
  });

  it('is sent when a trusted proxy says the client used HTTPS, and only then', async () => {
    const proxied = await start({ trustProxy: ['loopback'] });
    expect((await get('/api/health', { 'x-forwarded-proto': 'https' }, proxied)).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await get('/api/health', { 'x-forwarded-proto': 'http' }, proxied)).headers['strict-transport-security']).toBeUndefined();
    // From a client that is not a trusted proxy, the header is not believed.
    expect((await get('/api/health', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('percent-encoding', () => {
  it.each([
    ['/api/search?q=%ZZ', 'q'],
    ['/api/search?q=war%', 'q'],
    ['/api/search?q=%FF%FE', 'q'],
    ['/api/search?q=war&page=%2', 'page'],
    ['/api/suggest?q=%E2%80', 'q'],
    ['/api/documents/0123456789abcdef?q=%G1', 'q'],
  ])('refuses the malformed escape in %s with a 400 naming the parameter, instead of searching for its letters', async (path, parameter) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(errorOf(response.body)).toEqual({
      code: 'invalid_parameter',
      message: `The parameter "${parameter}" is not correctly %-encoded: a % must be followed by two hexadecimal digits, and the escaped bytes must be UTF-8 (a % itself is written %25).`,
    });
  });

  it('reads a well-formed escape, a % written as %25 and a + as a space', async () => {
    const response = await get('/api/search?q=100%25+coalition');
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as SearchResponse).interpretation?.readAs).toContain('coalition');
  });
});

describe('the length of a query', () => {
  it('accepts the longest query allowed in the script that takes the most bytes to send, inside the 16 KB header limit', async () => {
    // Devanagari: 3 UTF-8 bytes, 9 characters %-encoded, the most one UTF-16 character can take.
    const q = 'ज'.repeat(MAX_QUERY_LENGTH);
    const path = `/api/search?q=${encodeURIComponent(q)}`;
    expect(path.length).toBeGreaterThan(13_000);
    const response = await get(path);
    expect(response.status).toBe(200);
  });

  it('refuses one character more with a 400 that gives the limit', async () => {
    const response = await get(`/api/search?q=${'a'.repeat(MAX_QUERY_LENGTH + 1)}`);
    expect(response.status).toBe(400);
    expect(errorOf(response.body)).toEqual({ code: 'invalid_parameter', message: `q must be at most ${MAX_QUERY_LENGTH} characters` });
  });
});
