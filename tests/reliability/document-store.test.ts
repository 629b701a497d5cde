import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentChunks, readDocumentLines, serializeDocuments } from '../../indexer/index/documents-file.ts';
import { INDEX_FILES, type StoredDocument } from '../../indexer/index/index-format.ts';
import { IndexLoadError, loadIndex } from '../../server/index/load-index.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { hostileText, runs } from './fuzz/hostile-arbitraries.ts';

const storedDocument: fc.Arbitrary<StoredDocument> = fc.record({
  id: fc.string(),
  path: hostileText(6),
  title: hostileText(6),
  source: fc.string(),
  sourceName: hostileText(4),
  text: hostileText(40),
  passages: fc.constant<StoredDocument['passages']>([]),
});

describe('the document store file', () => {
  it('reads back every document it wrote, one per line, and stays one JSON array', () => {
    fc.assert(
      fc.property(fc.array(storedDocument, { maxLength: 8 }), (documents: StoredDocument[]) => {
        const file = serializeDocuments(documents);
        expect(JSON.parse(file)).toEqual(documents);
        expect([...readDocumentLines(new TextEncoder().encode(file))]).toEqual(documents);
        expect(file.split('\n')).toHaveLength(documents.length + 3);
      }),
      runs(200),
    );
  });

  it('reads the same documents from a stream, wherever its chunks split lines and characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(storedDocument, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), async (documents, cuts) => {
        const bytes = new TextEncoder().encode(serializeDocuments(documents));
        const bounds = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...bounds].map((from, i) => bytes.subarray(from, [...bounds, bytes.length][i]));
        const read: unknown[] = [];
        for await (const document of readDocumentChunks((async function* () { yield* chunks; })())) read.push(document);
        expect(read).toEqual(documents);
      }),
      runs(200),
    );
  });
});

let temp: TempFolder;
let goodIndex: string;
let copies = 0;

beforeAll(async () => {
  temp = await makeTempFolder();
  goodIndex = (await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir;
});
afterAll(() => temp?.remove());

/** A copy of the good index whose documents.json is `edit`ed as bytes. */
async function indexWithDocuments(edit: (file: Buffer) => Buffer | string): Promise<string> {
  copies += 1;
  const indexDir = join(temp.path, `edited-${copies}`);
  await cp(goodIndex, indexDir, { recursive: true });
  const path = join(indexDir, INDEX_FILES.documents);
  await writeFile(path, edit(await readFile(path)));
  return indexDir;
}

const lines = (file: Buffer) => file.toString('utf8').split('\n');

describe('loading a document store that is not what the indexer wrote', () => {
  it.each<[string, (file: Buffer) => Buffer | string, RegExp]>([
    ['a document without its comma', (file) => lines(file).map((line, n) => (n === 1 ? line.slice(0, -1) : line)).join('\n'), /not followed by a comma/],
    ['a comma after the last document', (file) => file.toString('utf8').replace(/\}\n\]\n$/, '},\n]\n'), /followed by a comma/],
    ['a file cut after a whole line', (file) => lines(file).slice(0, 3).join('\n') + '\n', /ends before/],
    ['text after the closing bracket', (file) => file.toString('utf8') + '[]\n', /goes on after/],
    ['a line that is not UTF-8', (file) => Buffer.concat([file.subarray(0, 20), Buffer.from([0xff, 0xfe]), file.subarray(22)]), /not UTF-8/],
    ['a line that is not JSON', (file) => lines(file).map((line, n) => (n === 2 ? `{${line}` : line)).join('\n'), /not valid JSON/],
  ])('refuses %s as damaged, saying how to rebuild', async (_name, edit, problem) => {
    const error = await loadIndex(await indexWithDocuments(edit)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as IndexLoadError).code).toBe('index_corrupt');
    expect((error as IndexLoadError).message).toMatch(problem);
    expect((error as IndexLoadError).message).toMatch(/npm run index -- --index /);
  });

  it('still reads the same array written on one line (a file edited by hand)', async () => {
    const documents = JSON.parse(await readFile(join(goodIndex, INDEX_FILES.documents), 'utf8')) as StoredDocument[];
    const index = await loadIndex(await indexWithDocuments(() => JSON.stringify(documents)));
    expect([...index.documents.values()]).toEqual(documents);
  });
});
