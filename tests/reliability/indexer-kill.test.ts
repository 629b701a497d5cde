import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build-index.ts';
import type { HealthResponse } from '../../server/api/types.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { serveIndex } from '../../server/serve-index.ts';
import { copyCorpus, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { startCli } from './support/child-process.ts';

const WORDS = 'senate treaty harvest tariff railway campaign veto budget army navy school farm bank trade union'.split(' ');

/** A corpus large enough that a build spends measurable time in each phase. */
async function writeGeneratedDocuments(folder: string, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let doc = 0; doc < count; doc += 1) {
    const paragraphs = Array.from({ length: 8 }, () => `${Array.from({ length: 60 }, () => WORDS[next() % WORDS.length]).join(' ')}.`);
    await writeFile(join(folder, `speech-${doc}.txt`), `Speech number ${doc}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

/** The index folder's siblings that builds leave behind: staging folders, retired indexes. */
async function leftovers(indexDir: string): Promise<string[]> {
  return (await readdir(dirname(indexDir))).filter((name) => name.startsWith(`.${basename(indexDir)}.`));
}

/** A process id that no running process has. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

let temp: TempFolder;
let corpusDir: string;
let indexDir: string;
let documentsBefore: number;

beforeAll(async () => {
  temp = await makeTempFolder();
  corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
  await writeGeneratedDocuments(join(corpusDir, 'speeches'), 150);
  indexDir = join(temp.path, 'index');
  documentsBefore = (await buildIndex({ corpusDir, indexDir })).documents;
  // Every build after this one has one document more: a killed build leaves either count, never a mix.
  await writeFile(join(corpusDir, 'press', 'late-addition.txt'), 'A late coalition statement.\n\nIt came after the first build.\n');
});
afterAll(() => temp?.remove());

/** The index in `indexDir` loads, holds one of the two expected builds whole, and answers a search. */
async function expectWholeIndex(): Promise<number> {
  const index = await loadIndex(indexDir);
  expect([documentsBefore, documentsBefore + 1]).toContain(index.manifest.documentCount);
  expect(index.documents.size).toBe(index.manifest.documentCount);
  expect(runSearch(index, { q: 'treaty', sources: [], page: 1, limit: 5 }).total).toBeGreaterThan(0);
  return index.manifest.documentCount;
}

describe('an indexer killed with SIGKILL', () => {
  it('leaves the previous index whole at any moment, and a re-run completes and clears the leftovers', async () => {
    const seen = new Set<number>();
    // Half the kills at a random time of the run, half just after the last progress line, while it writes.
    const plans = [
      { after: undefined, delayMs: 150 },
      { after: undefined, delayMs: 400 + Math.random() * 200 },
      { after: undefined, delayMs: 600 + Math.random() * 400 },
      { after: /cutting passages: .*\(\d{2}%\)/, delayMs: Math.random() * 20 },
      { after: /indexing passages: .*\(100%\)/, delayMs: Math.random() * 5 },
      { after: /indexing passages: .*\(100%\)/, delayMs: 5 + Math.random() * 30 },
    ];
    for (const { after, delayMs } of plans) {
      const run = startCli('indexer/cli.ts', ['--corpus', corpusDir, '--index', indexDir, '--full']);
      if (after) await run.waitForLine(after, 20_000).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      run.signal('SIGKILL');
      const { signal, code } = await run.exited(10_000);
      expect(signal === 'SIGKILL' || code === 0).toBe(true);
      seen.add(await expectWholeIndex());
    }
    const final = startCli('indexer/cli.ts', ['--corpus', corpusDir, '--index', indexDir]);
    expect((await final.exited(20_000)).code).toBe(0);
    expect(await expectWholeIndex()).toBe(documentsBefore + 1);
    expect(await leftovers(indexDir)).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
  });

  it('killed between its two renames, leaves an index the server finds and a re-run replaces', async () => {
    // The exact state write-index.ts leaves when killed after renaming the index aside and before
    // renaming the new one into place.
    const tag = `${deadPid()}-0badc0de`;
    const retired = join(dirname(indexDir), `.${basename(indexDir)}.old-${tag}`);
    const staging = join(dirname(indexDir), `.${basename(indexDir)}.tmp-${tag}`);
    await cp(indexDir, staging, { recursive: true });
    await rename(indexDir, retired);
    const builtAt = JSON.parse(JSON.stringify((await loadIndex(retired)).manifest.builtAt)) as string;

    const server = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 0 });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
      expect(health.builtAt).toBe(builtAt);
    } finally {
      await server.close();
    }
    expect(await leftovers(indexDir)).toEqual([]);

    await rename(indexDir, retired);
    const rerun = startCli('indexer/cli.ts', ['--corpus', corpusDir, '--index', indexDir, '--full']);
    expect((await rerun.exited(20_000)).code).toBe(0);
    await expectWholeIndex();
    expect(await leftovers(indexDir)).toEqual([]);
  });
});
