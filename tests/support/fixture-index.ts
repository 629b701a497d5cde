import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIndex, type BuildReport } from '../../indexer/index/build-index.ts';

/** The small, readable corpus most tests index. */
export const FIXTURE_CORPUS = resolve(import.meta.dirname, '../fixtures/corpus');
/** The seed corpus that `npm start` serves. */
export const SEED_CORPUS = resolve(import.meta.dirname, '../../data/corpus');

export interface TempFolder {
  path: string;
  remove: () => Promise<void>;
}

export async function makeTempFolder(prefix = 'passim-test-'): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Copies a corpus into a temporary folder, so a test can add or change files in it. */
export async function copyCorpus(from: string, into: TempFolder): Promise<string> {
  const corpusDir = join(into.path, 'corpus');
  await cp(from, corpusDir, { recursive: true });
  return corpusDir;
}

/** Builds an index of `corpusDir` into a temporary folder. */
export async function buildTempIndex(corpusDir: string, into: TempFolder): Promise<{ indexDir: string; report: BuildReport; problems: string[] }> {
  const indexDir = join(into.path, 'index');
  const problems: string[] = [];
  const report = await buildIndex({ corpusDir, indexDir, onProblem: (message) => problems.push(message) });
  return { indexDir, report, problems };
}
