import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build-index.ts';
import { toDocumentRecord } from '../../indexer/index/documents-file.ts';
import { INDEX_FILES, type StoredDocument } from '../../indexer/index/index-format.ts';
import { encodeTexts } from '../../indexer/index/texts-file.ts';
import type { DocumentResponse, SearchResponse } from '../../server/api/types.ts';
import { readDocumentTexts } from '../../server/index/document-texts.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { readDocumentText, readPassageText } from '../../server/index/loaded-index.ts';
import { openTextsFile } from '../../server/index/read-index-files.ts';
import { TextCache } from '../../server/index/text-cache.ts';
import { serveIndex } from '../../server/serve-index.ts';
import { copyCorpus, FIXTURE_CORPUS, makeTempFolder, readDocuments, type TempFolder } from '../support/fixture-index.ts';
import { hostileText, runs } from '../reliability/fuzz/hostile-arbitraries.ts';

let temp: TempFolder;
let files = 0;
beforeAll(async () => {
  temp = await makeTempFolder();
});
afterAll(() => temp?.remove());

/** A string as UTF-8 holds it: a lone surrogate (half a character) becomes U+FFFD. */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/** Whether a passage of the document starts or ends between the two halves of a character. */
const splitsCharacter = ({ text, passages }: StoredDocument) =>
  passages.some(({ start, end }) => [start, end].some((at) => /[\uD800-\uDBFF]/.test(text.charAt(at - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(at))));

/** Documents whose passages are pieces of hostile text, with gaps between them, cut anywhere (even inside a character). */
const documentsArbitrary: fc.Arbitrary<StoredDocument[]> = fc
  .array(fc.tuple(fc.array(fc.tuple(hostileText(4), fc.constantFrom('', ' ', '\n\n', '\uD83D', '\uDE00', 'é')), { maxLength: 6 }), fc.constantFrom('', '🙂', 'x')), { maxLength: 5 })
  .map((documents) =>
    documents.map(([pieces, tail], at) => {
      let text = '';
      const passages: StoredDocument['passages'] = [];
      for (const [piece, gap] of pieces) {
        const start = text.length;
        text += piece;
        if (piece.length > 0) passages.push({ id: `d${at}-p${passages.length}`, ordinal: passages.length, start, end: text.length, wordCount: 1 });
        text += gap;
      }
      text += tail;
      return { id: `d${at}`, path: `d${at}.txt`, title: 'T', source: 's', sourceName: 'S', text, passages };
    }),
  );

/** Writes a texts file for `documents` into a fresh folder and opens it as a server does. */
async function openTexts(documents: StoredDocument[], cacheChars: number) {
  files += 1;
  const indexDir = join(temp.path, `texts-${files}`);
  await mkdir(indexDir);
  await writeFile(join(indexDir, INDEX_FILES.texts), Buffer.concat(encodeTexts(documents)));
  const records = documents.map(toDocumentRecord);
  const { fd, layout } = await openTextsFile(indexDir, records);
  return { records, texts: readDocumentTexts(fd, layout, records, { cacheChars }) };
}

describe('the texts file', () => {
  it('gives back every passage and every document as the indexer had them, from disk or from its cache', async () => {
    await fc.assert(
      fc.asyncProperty(documentsArbitrary, fc.constantFrom(0, 8, 1_000_000), async (documents, cacheChars) => {
        const { records, texts } = await openTexts(documents, cacheChars);
        // Twice: the second reads come from the cache where it holds them.
        for (let round = 0; round < 2; round += 1) {
          documents.forEach((document, at) => {
            for (const passage of document.passages) expect(texts.passageText(records[at]!, passage)).toBe(wellFormed(document.text.slice(passage.start, passage.end)));
            const whole = texts.documentText(records[at]!);
            expect(whole).toHaveLength(document.text.length);
            if (!splitsCharacter(document)) expect(whole).toBe(wellFormed(document.text));
          });
        }
      }),
      runs(150),
    );
  });

  it('reads a passage cut inside a character as UTF-8 holds it, each half as U+FFFD, every offset still right', async () => {
    const text = 'ab😀cd';
    const documents: StoredDocument[] = [{ id: 'a', path: 'a.txt', title: 'A', source: 's', sourceName: 'S', text, passages: [{ id: 'a-p0', ordinal: 0, start: 0, end: 3, wordCount: 1 }, { id: 'a-p1', ordinal: 1, start: 3, end: 6, wordCount: 1 }] }];
    const { records, texts } = await openTexts(documents, 0);
    expect(documents[0]!.passages.map((passage) => texts.passageText(records[0]!, passage))).toEqual(['ab\uFFFD', '\uFFFDcd']);
    expect(texts.documentText(records[0]!)).toBe('ab\uFFFD\uFFFDcd');
  });

  it('is refused when it ends before its last text, or goes on after it', async () => {
    const documents: StoredDocument[] = [{ id: 'a', path: 'a.txt', title: 'A', source: 's', sourceName: 'S', text: 'one two three', passages: [{ id: 'a-p0', ordinal: 0, start: 0, end: 13, wordCount: 3 }] }];
    const { records } = await openTexts(documents, 0);
    const indexDir = join(temp.path, `texts-${files}`);
    await appendFile(join(indexDir, INDEX_FILES.texts), 'x');
    await expect(openTextsFile(indexDir, records)).rejects.toThrow(/texts\.bin is damaged \(it has trailing bytes\)\. Rebuild it with: npm run index/);
    const bytes = Buffer.concat(encodeTexts(documents));
    await writeFile(join(indexDir, INDEX_FILES.texts), bytes.subarray(0, bytes.length - 1));
    await expect(openTextsFile(indexDir, records)).rejects.toThrow(/texts\.bin is damaged \(it is truncated\)/);
  });
});

describe('the cache of texts read', () => {
  it('keeps the most recently used texts up to its number of characters, and none longer than that', () => {
    const cache = new TextCache(10);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa');
    cache.set('c', 'cccc');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['aaaa', undefined, 'cccc']);
    expect(cache.size).toBe(8);
    cache.set('long', 'x'.repeat(11));
    expect(cache.get('long')).toBeUndefined();
    expect(cache.size).toBe(8);
  });
});

describe('a served index and its texts', () => {
  it('keeps reading its own texts after a new build replaced its folder, while the new index reads the new ones', async () => {
    const folder = await makeTempFolder();
    try {
      const corpusDir = await copyCorpus(FIXTURE_CORPUS, folder);
      const indexDir = join(folder.path, 'index');
      await buildIndex({ corpusDir, indexDir });
      const before = await loadIndex(indexDir);
      const beforeTexts = new Map((await readDocuments(indexDir)).map((document) => [document.id, document.text]));
      await appendFile(join(corpusDir, 'press', 'cooperation.txt'), '\n\nA sentence added after the first build, about lighthouses.\n');
      await buildIndex({ corpusDir, indexDir });
      const after = await loadIndex(indexDir);
      for (const document of before.documents.values()) expect(readDocumentText(before, document)).toBe(beforeTexts.get(document.id));
      for (const entry of before.entries) expect(readPassageText(before, entry)).toBe(beforeTexts.get(entry.document.id)!.slice(entry.passage.start, entry.passage.end));
      const changed = [...after.documents.values()].filter((document) => readDocumentText(after, document).includes('lighthouses'));
      expect(changed).toHaveLength(1);
      expect(beforeTexts.get(changed[0]!.id)).not.toContain('lighthouses');
    } finally {
      await folder.remove();
    }
  });

  it('answers hits and the reader with the texts of the file, over HTTP', async () => {
    const folder = await makeTempFolder();
    try {
      const indexDir = join(folder.path, 'index');
      await buildIndex({ corpusDir: FIXTURE_CORPUS, indexDir });
      const texts = new Map((await readDocuments(indexDir)).map((document) => [document.id, document.text]));
      const server = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 0 });
      try {
        const search = (await (await fetch(`${server.url}/api/search?q=coalition&limit=50`)).json()) as SearchResponse;
        expect(search.hits.length).toBeGreaterThan(0);
        for (const hit of search.hits) expect(hit.text).toBe(texts.get(hit.docId)!.slice(hit.start, hit.end));
        const reader = (await (await fetch(`${server.url}/api/documents/${search.hits[0]!.docId}?q=coalition`)).json()) as DocumentResponse;
        expect(reader.text).toBe(texts.get(search.hits[0]!.docId));
        expect(reader.highlights!.map(({ start, end }) => reader.text.slice(start, end).toLowerCase())).toContain('coalition');
      } finally {
        await server.close();
      }
    } finally {
      await folder.remove();
    }
  });
});
