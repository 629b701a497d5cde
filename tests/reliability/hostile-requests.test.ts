import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadIndex } from '../../server/index/load-index.ts';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { leaksInternals, rawExchange, rawRequest, startApp, type StartedApp } from './support/http.ts';

let temp: TempFolder;
let index: LoadedIndex;
let app: StartedApp;
let docId: string;

/** A stand-in for the built client, with things that must never be served: a dotfile, a folder to list. */
async function writeFakeClient(clientDir: string): Promise<void> {
  await mkdir(join(clientDir, 'assets', 'nested'), { recursive: true });
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Passim</title><div id="root"></div>');
  await writeFile(join(clientDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(clientDir, 'assets', 'nested', 'listed-only-if-browsable.txt'), 'x');
  await writeFile(join(clientDir, '.env'), 'SECRET=hunter2');
}

beforeAll(async () => {
  temp = await makeTempFolder();
  const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
  index = await loadIndex(indexDir);
  docId = [...index.documents.keys()][0]!;
  const clientDir = join(temp.path, 'client');
  await writeFakeClient(clientDir);
  app = await startApp({ getIndex: () => index, clientDir, requestsPerMinute: 0 });
});
afterAll(async () => {
  await app?.close();
  await temp?.remove();
});

const get = (path: string) => rawRequest(app.url, path);
const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('hostile requests to the API', () => {
  it.each([
    ['no query', '/api/search', 400],
    ['a query given twice', '/api/search?q=a&q=b', 400],
    ['a query as an array', '/api/search?q[]=a', 400],
    ['a negative page', '/api/search?q=war&page=-1', 400],
    ['page zero', '/api/search?q=war&page=0', 400],
    ['a huge page', '/api/search?q=war&page=99999999999999999999999', 400],
    ['a fractional page', '/api/search?q=war&page=1.5', 400],
    ['a page in exponent form', '/api/search?q=war&page=1e3', 400],
    ['a hexadecimal page', '/api/search?q=war&page=0x10', 400],
    ['a negative limit', '/api/search?q=war&limit=-10', 400],
    ['a huge limit', '/api/search?q=war&limit=1000000', 400],
    ['a misspelt parameter', '/api/search?q=war&limt=5', 400],
    ['a parameter from another API', '/api/search?query=war', 400],
    ['too many source filters', `/api/search?q=war${'&source=press'.repeat(51)}`, 400],
    ['a suggestion over the length limit', `/api/suggest?q=${'a'.repeat(201)}`, 400],
    ['a misspelt suggestion parameter', '/api/suggest?q=wa&limits=3', 400],
    ['a traversal in a document id', '/api/documents/..%2F..%2Fetc%2Fpasswd', 400],
    ['an encoded-dot traversal in a document id', '/api/documents/%2e%2e%2f%2e%2e%2fpackage.json', 400],
    ['a double-encoded traversal in a document id', '/api/documents/..%252F..%252Fpackage.json', 400],
    ['a backslash traversal in a document id', '/api/documents/..%5C..%5Cpackage.json', 400],
    ['an overlong UTF-8 dot in a document id', '/api/documents/%c0%ae%c0%ae%2fpackage.json', 400],
    ['a NUL byte after a document id', '/api/documents/0123456789abcdef%00', 400],
    ['a malformed escape in a document id', '/api/documents/%zz', 400],
    ['a lone % in a query', '/api/search?q=%', 400],
    ['escapes that are not UTF-8 in a query', '/api/search?q=%ff%fe', 400],
    ['an upper-case document id', '/api/documents/0123456789ABCDEF', 400],
    ['an unknown document', '/api/documents/0123456789abcdef', 404],
    ['a raw traversal past the documents path', '/api/documents/../../package.json', 404],
    ['a traversal in a passage id', '/api/passages/..%2F..%2Fpackage.json', 400],
    ['an unknown passage', '/api/passages/0123456789abcdef-p0', 404],
    ['an unknown endpoint', '/api/search/../../admin', 404],
  ])('refuses %s with a %i and a JSON message, no internals', async (_name, path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const error = errorOf(response.body);
    expect(error.code).toBe(status === 404 ? 'not_found' : 'invalid_parameter');
    expect(error.message.length).toBeGreaterThan(10);
    expect(leaksInternals(response.body)).toBe(false);
  });

  it('names the misspelt parameter in its message', async () => {
    expect(errorOf((await get('/api/search?q=war&limt=5')).body).message).toContain('"limt"');
  });

  it('answers odd but harmless queries normally: control characters, markup, bidi and zero-width characters', async () => {
    for (const q of ['%00%01%1b', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '%E2%80%AE%E2%80%8B', '"""', '-', 'OR%20OR', '*']) {
      const response = await get(`/api/search?q=${q}`);
      expect(response.status, q).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('refuses a large request body with a 413 before reading it', async () => {
    const response = await rawRequest(app.url, '/api/search?q=war', { method: 'POST', headers: { 'content-length': String(50 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(errorOf(response.body)).toMatchObject({ code: 'too_large' });
    expect(errorOf(response.body).message).toContain('at most 16384');
  });

  it('refuses a body of unknown length with a 413', async () => {
    const response = await rawRequest(app.url, '/api/search?q=war', { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: 'x'.repeat(1000) });
    expect(response.status).toBe(413);
    expect(errorOf(response.body).code).toBe('too_large');
  });

  it('answers a small body sent to an endpoint that takes none with a JSON 404', async () => {
    const response = await rawRequest(app.url, '/api/search?q=war', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q":"war"}' });
    expect(response.status).toBe(404);
    expect(errorOf(response.body).message).toBe('No API endpoint POST /api/search');
  });

  it('refuses a query too long to read with a 431 that says so, and keeps serving', async () => {
    const response = await get(`/api/search?q=${'a'.repeat(20_001)}`);
    expect(response.status).toBe(431);
    expect(errorOf(response.body).message).toBe('The request address and headers are over 16 KB. Send a shorter query.');
    expect((await get('/api/health')).status).toBe(200);
  });

  it('refuses a request that is not HTTP with a 400', async () => {
    const response = await rawExchange(app.url, 'GET /api/search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(response.status).toBe(400);
    expect(errorOf(response.body).message).toBe('The request is not valid HTTP.');
  });

  it('answers a failure inside the server with a bare 500, never a stack trace', async () => {
    const broken = await startApp({
      getIndex: () => {
        throw new Error('secret detail at /work/main/server/index/load-index.ts:42');
      },
      requestsPerMinute: 0,
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await rawRequest(broken.url, '/api/search?q=war');
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).toEqual({ error: { code: 'internal_error', message: 'The server failed to answer this request.' } });
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await broken.close();
    }
  });

  it('still answers a good request after all of that', async () => {
    const response = await get(`/api/documents/${docId}`);
    expect(response.status).toBe(200);
  });
});

describe('the static client', () => {
  it.each([
    ['a raw parent path', '/../package.json'],
    ['an encoded parent path', '/%2e%2e/%2e%2e/package.json'],
    ['an encoded slash', '/..%2f..%2fpackage.json'],
    ['a parent path inside assets', '/assets/..%2f..%2f..%2fpackage.json'],
    ['a backslash parent path', '/..%5c..%5cpackage.json'],
    ['a dotfile', '/.env'],
    ['an encoded dotfile', '/%2eenv'],
    ['a folder', '/assets/'],
    ['a nested folder', '/assets/nested/'],
    ['a folder without its slash', '/assets/nested'],
  ])('serves no file outside the client and lists no folder: %s', async (_name, path) => {
    const response = await get(path);
    expect([200, 301, 400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('"name": "passim"');
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('listed-only-if-browsable');
    expect(response.body).not.toContain('app.js');
    expect(leaksInternals(response.body)).toBe(false);
  });

  it('serves the client’s own files', async () => {
    expect((await get('/assets/app.js')).body).toBe('console.log("app")');
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/search?q=war', '/api/nothing', '/', '/assets/app.js', '/api/documents/..%2F'])('sends a strict policy on %s', async (path) => {
    const { headers } = await get(path);
    const policy = String(headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "script-src-attr 'none'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // Would break the page for a team served over plain HTTP on its network.
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
