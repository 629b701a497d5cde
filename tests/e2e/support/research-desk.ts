import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildClient } from '../../../server/cli/ensure-client-built.ts';
import { serveIndex, type RunningServer } from '../../../server/serve-index.ts';
import { launchChromium } from '../../support/browser.ts';
import { buildTempIndex, copyCorpus, makeTempFolder, SEED_CORPUS, type TempFolder } from '../../support/fixture-index.ts';

/** Where browser tests leave their screenshots (git-ignored). */
export const ARTIFACTS = resolve(import.meta.dirname, '../../.artifacts');

/**
 * What the catalog cannot guess about the seed corpus: dates, languages and the original
 * addresses, so the year and language facets and the text-fragment links have something to show.
 * One document keeps no date and no address, as many real ones do.
 */
const SEED_METADATA: Record<string, { date?: string; lang: string; url?: string }> = {
  'diplomatie.belgium.be/000_124a4f5e0135987b.txt': {
    date: '2021-03-30',
    lang: 'en',
    url: 'https://diplomatie.belgium.be/en/news/sophie-wilmes-chairs-ministerial-meeting-international-coalition-against-daesh',
  },
  'diplomatie.belgium.be/002_cb242656d290b756.txt': { date: '2019-09-26', lang: 'en' },
  'state.gov/001_3502959d6ca97b9f.txt': {
    date: '2021-03-24',
    lang: 'en',
    url: 'https://www.state.gov/secretary-blinken-and-belgian-foreign-minister-wilmes-at-a-joint-press-availability/',
  },
};

export interface ResearchDesk {
  server: RunningServer;
  browser: Browser;
  /** A context allowed to read and write the clipboard. */
  newContext: (options?: Parameters<Browser['newContext']>[0]) => Promise<BrowserContext>;
  close: () => Promise<void>;
}

/** The production client and the seed corpus (with its metadata) served on an ephemeral port, and Chromium. */
export async function startResearchDesk(): Promise<ResearchDesk> {
  const temp: TempFolder = await makeTempFolder('passim-desk-');
  const corpusDir = await copyCorpus(SEED_CORPUS, temp);
  await addSeedMetadata(corpusDir);
  const clientDir = join(temp.path, 'client');
  const [{ indexDir }] = await Promise.all([buildTempIndex(corpusDir, temp), buildClient(clientDir)]);
  const server = await serveIndex({ indexDir, port: 0, clientDir, reloadIntervalMs: 0 });
  const browser = await launchChromium();
  return {
    server,
    browser,
    newContext: async (options) => {
      const context = await browser.newContext(options);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      return context;
    },
    close: async () => {
      await browser.close();
      await server.close();
      await temp.remove();
    },
  };
}

async function addSeedMetadata(corpusDir: string): Promise<void> {
  const path = join(corpusDir, 'catalog.json');
  const catalog = JSON.parse(await readFile(path, 'utf8')) as { documents: Record<string, object> };
  for (const [file, metadata] of Object.entries(SEED_METADATA)) catalog.documents[file] = { ...catalog.documents[file], ...metadata };
  await writeFile(path, JSON.stringify(catalog, null, 2));
}

export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Empties the clipboard, so a test can wait for what the next copy puts there. */
export function clearClipboard(page: Page): Promise<void> {
  return page.evaluate(() => navigator.clipboard.writeText(''));
}

/** The results summary ("5 passages in 2 documents · 2 ms"): the first status in the main region. */
export function resultSummary(page: Page) {
  return page.getByRole('main').getByRole('status').first();
}

export async function fetchJson<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A desk and one page with clipboard access for a test file: started before its tests, closed after. */
export function useDeskPage(): { desk: () => ResearchDesk; page: () => Page } {
  let desk: ResearchDesk | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    desk = await startResearchDesk();
    page = await (await desk.newContext()).newPage();
  });
  afterAll(async () => {
    await desk?.close();
  });
  return { desk: () => desk!, page: () => page! };
}
