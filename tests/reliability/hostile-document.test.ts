import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResponse, PassageResponse, SearchHit, SearchResponse } from '../../server/api/types.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { HOSTILE_LINES, makeLongLine, MARKERS, RLO, writeHostileCorpus, ZWJ, ZWSP } from './support/hostile-corpus.ts';

let temp: TempFolder;
let server: RunningServer;
let buildMs: number;
let skipped: string[];

beforeAll(async () => {
  temp = await makeTempFolder();
  const corpusDir = join(temp.path, 'corpus');
  await writeHostileCorpus(corpusDir);
  const startedAt = performance.now();
  const { indexDir, report } = await buildTempIndex(corpusDir, temp);
  buildMs = performance.now() - startedAt;
  skipped = report.skipped.map((file) => `${file.path}: ${file.reason}`);
  server = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 0 });
});
afterAll(async () => {
  await server?.close();
  await temp?.remove();
});

async function getJson<T>(path: string): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return { body: (await response.json()) as T, headers: response.headers };
}
const searchFor = async (q: string) => (await getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`)).body;
const onlyHit = async (q: string): Promise<SearchHit> => {
  const { hits } = await searchFor(q);
  expect(hits.length, q).toBeGreaterThan(0);
  return hits[0]!;
};
const ELLIPSIS = /^…|…$/g;

describe('a hostile document', () => {
  it('is indexed whole and in bounded time, a megabyte on one line included', () => {
    expect(skipped).toEqual([]);
    expect(buildMs).toBeLessThan(20_000);
  });

  it('comes back from the API as the very text it holds, markup, entities and invisible characters included', async () => {
    const hit = await onlyHit(MARKERS.text);
    const { body: document, headers } = await getJson<DocumentResponse>(`/api/documents/${hit.docId}`);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    // Zero-width spaces are dropped on purpose (they would split a word in two for the analyzer); everything else stays.
    for (const line of HOSTILE_LINES) expect(document.text).toContain(line.replaceAll(ZWSP, ''));
    expect(document.text).toContain(RLO);
    expect(document.text).toContain(ZWJ);
    expect((await searchFor('zerowidth')).hits.map((found) => found.docId)).toContain(hit.docId);
    expect(document.title).toContain('<b onmouseover=');
    expect(document.text.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it('gives snippets that are pieces of the text, highlighting the word searched', async () => {
    for (const marker of [MARKERS.text, MARKERS.markdown, MARKERS.html, MARKERS.longLine, MARKERS.longProse]) {
      const hit = await onlyHit(marker);
      const shown = hit.snippet.map((segment) => segment.text).join('').replace(ELLIPSIS, '');
      expect(hit.text, marker).toContain(shown);
      expect(hit.snippet.filter((segment) => segment.highlight).map((segment) => segment.text.toLowerCase())).toContain(marker);
    }
  });

  it('finds the markup itself as words, and shows it as text', async () => {
    const { hits } = await searchFor('onerror window');
    const hit = hits.find((found) => found.text.includes('<img src=x onerror='));
    expect(hit).toBeDefined();
    expect(hit!.snippet.map((segment) => segment.text).join('')).toContain('<img src=x ');
  });

  it('never passes on a javascript: address as the document’s or the citation’s link', async () => {
    for (const marker of [MARKERS.markdown, MARKERS.html]) {
      const hit = await onlyHit(marker);
      const { body: document } = await getJson<DocumentResponse>(`/api/documents/${hit.docId}`);
      const { body: passage } = await getJson<PassageResponse>(`/api/passages/${hit.id}`);
      for (const url of [document.url, passage.url, passage.citation.url, hit.citation?.url]) {
        if (url !== undefined) expect(url, marker).toMatch(/^https?:\/\//);
      }
      // Every link of the Markdown citation goes where it says: no target that runs code, none cut short.
      const targets = [...passage.citation.formatted.markdown.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1]!);
      expect(targets.length, marker).toBeGreaterThan(0);
      for (const target of targets) expect(target, marker).toMatch(/^https?:\/\/[^\s()]+$/);
      expect(passage.citation.formatted.markdown.match(/\]\(/g)?.length).toBe(targets.length);
    }
  });

  it('keeps a megabyte line searchable with passages and snippets of reading size', async () => {
    const startedAt = performance.now();
    const { hits, total } = await searchFor(MARKERS.longLine);
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(total).toBe(1);
    const hit = hits[0]!;
    expect(hit.text.length).toBeLessThan(10_000);
    expect(hit.snippet.map((segment) => segment.text).join('').length).toBeLessThan(1000);
    const { body: document } = await getJson<DocumentResponse>(`/api/documents/${hit.docId}`);
    expect(document.text).toBe(makeLongLine());
    expect(document.passages.length).toBeGreaterThan(100);
  });
});
