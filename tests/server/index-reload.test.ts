import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../server/api/types.ts';
import { INDEX_FILES } from '../../indexer/index/index-format.ts';
import { buildIndex } from '../../indexer/build/build-index.ts';
import { loadServedIndex } from '../../server/load-served-index.ts';
import type { WorkSlices } from '../../server/index/work-slices.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
let server: RunningServer;
let corpusDir: string;
let indexDir: string;
const reloads: string[] = [];
const reloadErrors: string[] = [];

beforeEach(async () => {
  temp = await makeTempFolder();
  corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
  ({ indexDir } = await buildTempIndex(corpusDir, temp));
  reloads.length = 0;
  reloadErrors.length = 0;
  server = await serveIndex({
    indexDir,
    port: 0,
    reloadIntervalMs: 50,
    onIndexReload: (index) => reloads.push(index.manifest.builtAt),
    onIndexReloadError: (message) => reloadErrors.push(message),
  });
});
afterEach(async () => {
  await server.close();
  await temp.remove();
});

const health = async () => (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
const searchStatus = async () => (await fetch(`${server.url}/api/search?q=coalition`)).status;

describe('serving an index that is rebuilt', () => {
  it('swaps in the new index without a restart, answering every request meanwhile', async () => {
    expect((await health()).documents).toBe(3);
    await writeFile(join(corpusDir, 'press/added.txt'), 'An added statement\n\nThe coalition welcomed a new member today.\n');
    const rebuilt = buildIndex({ corpusDir, indexDir });
    // Requests keep coming while the index is written, renamed into place and loaded.
    const statuses: number[] = [];
    let documents = 3;
    const deadline = Date.now() + 5000;
    while (documents === 3 && Date.now() < deadline) {
      const [status, body] = await Promise.all([searchStatus(), health()]);
      statuses.push(status);
      documents = body.documents;
    }
    await rebuilt;
    expect(documents).toBe(4);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(reloads).toHaveLength(1);
    expect(reloadErrors).toEqual([]);
  });

  it('keeps serving the old index when the new one cannot be loaded', async () => {
    const before = await health();
    // A damaged build: its documents file is cut short, then its manifest says it is new.
    await writeFile(join(indexDir, INDEX_FILES.documents), '[{"id": "cut sh');
    const manifestPath = join(indexDir, INDEX_FILES.manifest);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { builtAt: string };
    await writeFile(manifestPath, JSON.stringify({ ...manifest, builtAt: new Date(Date.now() + 1000).toISOString() }));
    await utimes(manifestPath, new Date(), new Date());
    const deadline = Date.now() + 5000;
    while (reloadErrors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reloadErrors).toEqual([expect.stringMatching(/was not loaded, still serving the one built .*damaged/)]);
    expect(await health()).toEqual(before);
    expect(await searchStatus()).toBe(200);
  });

  it('answers searches on the served index while a new one is loading', async () => {
    // An archive of a hundred documents more, loaded with a pause after every step of work; the test
    // drives the pauses: each one waits for a search on the served index, so nothing depends on speed.
    await mkdir(join(corpusDir, 'archive'));
    for (let n = 0; n < 100; n += 1) await writeFile(join(corpusDir, 'archive', `${n}.txt`), `Statement ${n}\n\nThe coalition met for the ${n}th time.\n`);
    const { indexDir: largerIndex } = await buildTempIndex(corpusDir, { path: join(temp.path, 'larger'), remove: async () => {} });
    const statuses: number[] = [];
    const searchAtEveryPause: WorkSlices = { due: () => true, pause: async () => void statuses.push(await searchStatus()) };
    const loaded = await loadServedIndex(largerIndex, { workSlices: searchAtEveryPause });
    expect(loaded.documents.size).toBe(103);
    expect(statuses.every((status) => status === 200)).toBe(true);
    // The load lets requests through many times (reading, parsing, assembling and warming in steps).
    expect(statuses.length).toBeGreaterThan(30);
  });
});
