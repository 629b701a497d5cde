import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FILES } from '../../indexer/index/index-format.ts';
import { encodeTexts } from '../../indexer/index/texts-file.ts';
import type { HealthResponse, SearchResponse } from '../../server/api/types.ts';
import { IndexLoadError, loadIndex } from '../../server/index/load-index.ts';
import { serveIndex } from '../../server/serve-index.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, readDocuments, type TempFolder } from '../support/fixture-index.ts';
import { hasStackTrace, startCli } from './support/child-process.ts';

let temp: TempFolder;
let goodIndex: string;
let copies = 0;

beforeAll(async () => {
  temp = await makeTempFolder();
  goodIndex = (await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir;
});
afterAll(() => temp?.remove());

/** A copy of the good index, damaged by `damage`. */
async function damagedIndex(damage: (indexDir: string) => Promise<void>): Promise<string> {
  copies += 1;
  const indexDir = join(temp.path, `damaged-${copies}`);
  await cp(goodIndex, indexDir, { recursive: true });
  await damage(indexDir);
  return indexDir;
}

type IndexFile = keyof typeof INDEX_FILES;
/** The files the server reads (the extract cache is the indexer's alone). */
const SERVED_FILES = (Object.keys(INDEX_FILES) as IndexFile[]).filter((name) => name !== 'extractCache');
/** The search index itself: whichever file is neither the manifest nor the document store. */
const SEARCH_FILE = SERVED_FILES.find((name) => name !== 'manifest' && name !== 'documents')!;

const file = (indexDir: string, name: IndexFile) => join(indexDir, INDEX_FILES[name]);
const truncate = (name: IndexFile) => async (indexDir: string) => {
  const bytes = await readFile(file(indexDir, name));
  await writeFile(file(indexDir, name), bytes.subarray(0, Math.floor(bytes.length / 2)));
};
const replace = (name: IndexFile, contents: string | Buffer) => (indexDir: string) => writeFile(file(indexDir, name), contents);
const editManifest = (edit: (manifest: Record<string, unknown>) => void) => async (indexDir: string) => {
  const manifest = JSON.parse(await readFile(file(indexDir, 'manifest'), 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(file(indexDir, 'manifest'), JSON.stringify(manifest));
};
const editDocuments = (edit: (documents: { passages: { start: number; end: number }[] }[]) => void) => async (indexDir: string) => {
  const documents = JSON.parse(await readFile(file(indexDir, 'documents'), 'utf8')) as { passages: { start: number; end: number }[] }[];
  edit(documents);
  await writeFile(file(indexDir, 'documents'), JSON.stringify(documents));
};
/** Sets the end (in bytes) of the first passage in the texts file's table (texts-file.ts: after the header and the documents' starts). */
const moveFirstPassageEnd = (end: number) => async (indexDir: string) => {
  const bytes = await readFile(file(indexDir, 'texts'));
  const documentCount = bytes.readUInt32LE(8);
  bytes.writeUInt32LE(end, 16 + 8 * (documentCount + 1) + 4);
  await writeFile(file(indexDir, 'texts'), bytes);
};
type Damage = (indexDir: string) => Promise<void>;

describe('loading a damaged index', () => {
  it.each<[string, Damage, string]>([
    ['a missing folder', (indexDir) => rm(indexDir, { recursive: true }), 'index_missing'],
    ...SERVED_FILES.flatMap((name): [string, Damage, string][] => [
      [`a missing ${INDEX_FILES[name]}`, (indexDir) => rm(file(indexDir, name)), 'index_missing'],
      [`a truncated ${INDEX_FILES[name]}`, truncate(name), 'index_corrupt'],
      [`an empty ${INDEX_FILES[name]}`, replace(name, ''), 'index_corrupt'],
    ]),
    ['a search index of random bytes', replace(SEARCH_FILE, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), 'index_corrupt'],
    ['a manifest that is null', replace('manifest', 'null'), 'index_corrupt'],
    ['a manifest that is a list', replace('manifest', '[]'), 'index_corrupt'],
    ['a document store that is not a list', replace('documents', '{}'), 'index_corrupt'],
    ['a document store of the wrong documents', replace('documents', '[{"id":1}]'), 'index_corrupt'],
    ['a passage past the end of its text', moveFirstPassageEnd(0xffffffff), 'index_corrupt'],
    ['texts of another build', async (indexDir) => writeFile(file(indexDir, 'texts'), Buffer.concat(encodeTexts((await readDocuments(indexDir)).slice(1)))), 'index_corrupt'],
    ['passages out of order', editDocuments((documents) => documents.find((document) => document.passages.length > 1)!.passages.reverse()), 'index_corrupt'],
    ['a document store of another build', editDocuments((documents) => documents.pop()), 'index_corrupt'],
    ['a manifest of another format', editManifest((manifest) => (manifest.formatVersion = 999)), 'index_incompatible'],
    ['an index of format 4 (texts inside documents.json)', editManifest((manifest) => (manifest.formatVersion = 4)), 'index_incompatible'],
    ['a manifest of another analyzer', editManifest((manifest) => (manifest.analyzerVersion = -1)), 'index_incompatible'],
  ])('refuses %s with a message that says how to rebuild', async (_name, damage, code) => {
    const indexDir = await damagedIndex(damage);
    const error = await loadIndex(indexDir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as IndexLoadError).code).toBe(code);
    expect((error as IndexLoadError).message).toMatch(/npm run index -- .*--index /);
  });
});

describe('the server on a damaged index', () => {
  it.each([
    ['missing', (indexDir: string) => rm(indexDir, { recursive: true }), /No index at .* Build one with: npm run index/],
    ['damaged', truncate(SEARCH_FILE), /damaged|cannot be loaded/],
  ])('refuses to start on a %s index, with one clear line and no stack trace', async (_name, damage, message) => {
    const indexDir = await damagedIndex(damage);
    const server = startCli('server/cli/serve.ts', ['--index', indexDir, '--port', '0']);
    const { code } = await server.exited(20_000);
    const { stdout, stderr } = server.output();
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stdout).not.toMatch(/serving/);
  });
});

describe('a new index that is damaged, while serving', () => {
  it('keeps serving the last good index, says why, and takes the next good one', async () => {
    const corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
    const indexDir = join(temp.path, 'served');
    await cp(goodIndex, indexDir, { recursive: true });
    const problems: string[] = [];
    const reloads: string[] = [];
    const server = await serveIndex({
      indexDir,
      port: 0,
      reloadIntervalMs: 20,
      onIndexReloadError: (message) => problems.push(message),
      onIndexReload: (index) => reloads.push(index.manifest.builtAt),
    });
    const health = async () => (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
    const search = async () => (await (await fetch(`${server.url}/api/search?q=coalition`)).json()) as SearchResponse;
    try {
      const before = await health();
      const answer = await search();

      // A build lands whose search index is damaged: a newer manifest beside a truncated file.
      const damaged = await damagedIndex(async (dir) => {
        await editManifest((manifest) => (manifest.builtAt = new Date(Date.now() + 60_000).toISOString()))(dir);
        await truncate(SEARCH_FILE)(dir);
      });
      await rm(indexDir, { recursive: true });
      await cp(damaged, indexDir, { recursive: true });
      await expect.poll(() => problems.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(problems[0]).toMatch(/was not loaded, still serving the one built/);
      expect(await health()).toEqual(before);
      expect((await search()).hits.map((hit) => hit.id)).toEqual(answer.hits.map((hit) => hit.id));

      // The next good build is taken.
      await writeFile(join(corpusDir, 'press', 'added.txt'), 'A new coalition statement about cooperation.\n\nIt has a second paragraph with more words in it.');
      await buildTempIndex(corpusDir, { path: join(temp.path, 'rebuilt'), remove: async () => {} }).then(({ indexDir: rebuilt }) =>
        rm(indexDir, { recursive: true }).then(() => cp(rebuilt, indexDir, { recursive: true })),
      );
      await expect.poll(async () => (await health()).documents, { timeout: 5000 }).toBe(before.documents + 1);
      expect(reloads).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
