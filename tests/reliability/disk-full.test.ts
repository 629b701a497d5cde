import { readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, SearchResponse } from '../../server/api/types.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { hasStackTrace, startCli } from './support/child-process.ts';

/**
 * The disk filling up during a build, simulated honestly at the boundary the indexer writes through:
 * support/fill-disk.mjs, preloaded into the real `indexer/cli.ts` process, makes every `writeFile` into
 * the build's staging folder write half its bytes and then fail with ENOSPC, as a full disk does. (A
 * real small filesystem would need root and a mount; this runs anywhere, and nothing else is faked.)
 */
const FILL_DISK = './tests/reliability/support/fill-disk.mjs';

let temp: TempFolder;
let corpusDir: string;
let indexDir: string;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeTempFolder();
  corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
  indexDir = (await buildTempIndex(corpusDir, temp)).indexDir;
  server = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 25 });
  await writeFile(join(corpusDir, 'press', 'added.txt'), 'A new coalition statement.\n\nIt needs a new index.\n');
});
afterAll(async () => {
  await server?.close();
  await temp?.remove();
});

const health = async () => (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;

describe('a disk that fills up during a build', () => {
  it('is reported in one line, leaves the old index whole and serving, and no half-written files behind', async () => {
    const before = await health();
    const build = startCli('indexer/cli.ts', ['--corpus', corpusDir, '--index', indexDir, '--full'], {
      NODE_OPTIONS: `--import ${FILL_DISK}`,
      PASSIM_FULL_DISK_PATH: `.${basename(indexDir)}.tmp-`,
    });
    const { code } = await build.exited(20_000);
    const { stderr } = build.output();
    expect(stderr).toContain('fill-disk: refused a write');
    expect(code).toBe(2);
    expect(stderr).toMatch(/passim index: ENOSPC: no space left on device.*The previous index, if any, is untouched\./);
    expect(hasStackTrace(stderr)).toBe(false);

    expect((await loadIndex(indexDir)).manifest.builtAt).toBe(before.builtAt);
    expect((await readdir(dirname(indexDir))).filter((name) => name.startsWith(`.${basename(indexDir)}.`))).toEqual([]);
    // Several reload checks later, the server still answers from the old index.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await health()).toEqual(before);
    const search = (await (await fetch(`${server.url}/api/search?q=coalition`)).json()) as SearchResponse;
    expect(search.total).toBeGreaterThan(0);
  });

  it('is over once there is room again: the next build is taken by the server', async () => {
    const before = await health();
    const build = startCli('indexer/cli.ts', ['--corpus', corpusDir, '--index', indexDir]);
    expect((await build.exited(20_000)).code).toBe(0);
    await expect.poll(async () => (await health()).documents, { timeout: 5000 }).toBe(before.documents + 1);
  });
});
