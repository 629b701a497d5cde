import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { SEARCH_DEBOUNCE_MS } from '../../client/src/search/search-timing.ts';
import { buildClient } from '../../server/cli/ensure-client-built.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { launchChromium } from '../support/browser.ts';
import { buildTempIndex, makeTempFolder, SEED_CORPUS, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  temp = await makeTempFolder();
  const { indexDir } = await buildTempIndex(SEED_CORPUS, temp);
  const clientDir = join(temp.path, 'client');
  await buildClient(clientDir);
  server = await serveIndex({ indexDir, port: 0, clientDir });
  browser = await launchChromium();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.remove();
});

const hits = () => page.getByRole('article');
const facet = (label: RegExp) => page.getByRole('button', { name: label });

describe('searching the seed corpus in a browser', () => {
  it('shows passages from both sources for "coalition", with the word highlighted', async () => {
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search passages' }).fill('coalition');
    // Hits are grouped by document: the other passages of a document expand in place.
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^5 passages in 2 documents/);
    await page.getByRole('button', { name: '3 more passages in this document' }).click();
    await expect.poll(() => hits().count()).toBe(5);
    const marks = await page.locator('article mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(5);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^coalition/);
    expect(await facet(/^Belgian Foreign Affairs \(4\)$/).getAttribute('aria-pressed')).toBe('false');
    expect(await facet(/^U\.S\. Department of State \(1\)$/).getAttribute('aria-pressed')).toBe('false');
    // The address follows typing once it pauses.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('coalition');
  });

  it('narrows to one source on a click and keeps the other source and its count visible', async () => {
    await facet(/^U\.S\. Department of State \(1\)$/).click();
    await expect.poll(() => hits().count()).toBe(1);
    await expect.poll(() => facet(/^U\.S\. Department of State \(1\)$/).getAttribute('aria-pressed')).toBe('true');
    expect(await facet(/^Belgian Foreign Affairs \(4\)$/).isVisible()).toBe(true);
    expect(await hits().first().textContent()).toContain('U.S. Department of State');
    expect(new URL(page.url()).searchParams.getAll('source')).toEqual(['state.gov']);
  });

  it('copies the passage’s exact words with a citation naming title and source, and the link opens that passage', async () => {
    const api = (await (await fetch(`${server.url}/api/search?q=coalition&source=state.gov`)).json()) as SearchResponse;
    const hit = api.hits[0]!;

    await hits().first().getByRole('button', { name: 'Copy passage with citation' }).click();
    await expect.poll(() => hits().first().getByRole('status').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const link = `${server.url}/?doc=${hit.docId}&passage=${encodeURIComponent(hit.id)}`;
    expect(copied).toBe(`“${hit.text}”\n— Foreign Minister Wilmes, “${hit.title}”, U.S. Department of State. ${link}`);

    await page.goto(link);
    const marked = page.locator('[aria-current="true"]');
    await expect.poll(() => marked.count()).toBe(1);
    expect((await marked.textContent())?.replace(/\s+/g, ' ')).toContain(hit.text.replace(/\s+/g, ' ').slice(0, 80));
    expect(await page.getByRole('heading', { name: hit.title }).isVisible()).toBe(true);
  });

  it('says which synonyms it searched as well, and finds the passages that use them', async () => {
    await page.goto(`${server.url}/?q=isis`);
    await expect.poll(() => page.getByText(/^Also searched:/).textContent()).toBe('Also searched: Daesh, ISIL, Islamic State, Etat islamique, Islamitische Staat');
    const marks = await page.locator('article mark').allTextContents();
    expect(marks).toContain('Daesh');
  });
});

describe('search as you type', () => {
  it('searches at once on the first key after a pause, and sends the keys that follow within the debounce as one request', async () => {
    // The page's time is driven by the test, so the keys fall inside the debounce however slow the
    // machine (with real time, a loaded machine saw w, wi, wilm, wilmes). Its own context: the clock is per context.
    const timed = await browser.newContext();
    const typing = await timed.newPage();
    try {
      await typing.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
      await typing.goto(`${server.url}/?q=coalition`);
      await expect.poll(() => typing.locator('[data-results-for]').getAttribute('data-results-for')).toBe('coalition');
      const searched: string[] = [];
      typing.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/search') searched.push(url.searchParams.get('q') ?? '');
      });
      // Time stands still from here until the test moves it.
      await typing.clock.pauseAt(new Date('2026-01-05T10:00:00Z'));
      // Six changes of the text, as a fast typist or a held key makes them.
      await typing.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        for (const text of ['w', 'wi', 'wil', 'wilm', 'wilme', 'wilmes']) {
          setValue.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
      // The first key went at once, without the clock moving; the others wait for the debounce.
      await expect.poll(() => typing.locator('[data-results-for]').getAttribute('data-results-for')).toBe('w');
      expect(searched).toEqual(['w']);
      await typing.clock.runFor(SEARCH_DEBOUNCE_MS - 1);
      expect(searched).toEqual(['w']);
      await typing.clock.runFor(1);
      await expect.poll(() => typing.locator('[data-results-for]').getAttribute('data-results-for')).toBe('wilmes');
      expect(searched).toEqual(['w', 'wilmes']);
    } finally {
      await timed.close();
    }
  });
});

