import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../server/cli/ensure-client-built.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { launchChromium } from '../support/browser.ts';
import { buildTempIndex, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { HOSTILE_LINES, MARKERS, writeHostileCorpus, ZWSP } from '../reliability/support/hostile-corpus.ts';
import { startApp, type StartedApp } from '../reliability/support/http.ts';

let temp: TempFolder;
let server: RunningServer;
let limited: StartedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  temp = await makeTempFolder('passim-hostile-');
  const corpusDir = join(temp.path, 'corpus');
  await writeHostileCorpus(corpusDir);
  const clientDir = join(temp.path, 'client');
  const [{ indexDir }] = await Promise.all([buildTempIndex(corpusDir, temp), buildClient(clientDir)]);
  server = await serveIndex({ indexDir, port: 0, clientDir, reloadIntervalMs: 0 });
  const index = await loadIndex(indexDir);
  limited = await startApp({ getIndex: () => index, clientDir, requestsPerMinute: 4 });
  browser = await launchChromium();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // Any policy violation means something tried to run or load: the first line of defence let it through.
  await context.addInitScript(() => {
    const probe = window as unknown as { violations: string[] };
    probe.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => probe.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await limited?.close();
  await temp?.remove();
});

const hits = () => page.getByRole('article');

/** Nothing from a document ran or became markup: no dialog, no script effect, no event handler, no code link, no violation. */
async function expectNothingRan(): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    violations: (window as unknown as { violations?: string[] }).violations ?? [],
    handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => `${element.tagName} ${attribute.name}`)),
    codeLinks: [...document.querySelectorAll('a[href], iframe[src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '').filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
    injected: document.querySelectorAll('main script, main img, main iframe, main object, main embed, #root script, #root iframe').length,
  }));
  expect(state).toEqual({ pwned: undefined, violations: [], handlers: [], codeLinks: [], injected: 0 });
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
}

describe('a hostile document in the browser', () => {
  it('shows its markup as text in the hits, and runs none of it', async () => {
    await page.goto(`${server.url}/?q=${MARKERS.text}`);
    await expect.poll(() => hits().count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const shown = await hits().first().textContent();
    expect(shown).toContain('<b onmouseover=');
    await expectNothingRan();
  });

  it('shows every hostile line as text in the reader', async () => {
    await hits().first().getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('doc')).not.toBeNull();
    const reader = page.locator('body');
    await expect.poll(() => reader.textContent(), { timeout: 15_000 }).toContain(HOSTILE_LINES[0]!);
    const text = (await reader.textContent()) ?? '';
    for (const line of HOSTILE_LINES) expect(text).toContain(line.replaceAll(ZWSP, ''));
    await expectNothingRan();
  });

  it('copies a passage with its markup as text', async () => {
    await page.goto(`${server.url}/?q=onerror`);
    await expect.poll(() => hits().count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const card = hits().filter({ hasText: '<img src=x onerror=' }).first();
    await card.getByRole('button', { name: 'Copy passage with citation' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('<img src=x onerror=');
    await expectNothingRan();
  });

  it('offers no javascript: link for a document that declared one', async () => {
    for (const marker of [MARKERS.markdown, MARKERS.html]) {
      await page.goto(`${server.url}/?q=${marker}`);
      await expect.poll(() => hits().count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await hits().first().getByRole('link').first().click();
      await expect.poll(() => page.locator('body').textContent()).toContain(marker);
      await expectNothingRan();
    }
  });

  it('opens the megabyte line in the reader', async () => {
    await page.goto(`${server.url}/?q=${MARKERS.longLine}`);
    await expect.poll(() => hits().count(), { timeout: 15_000 }).toBe(1);
    await hits().first().getByRole('link').first().click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain(MARKERS.longLine);
    await expectNothingRan();
  });
});

describe('hostile addresses in the browser', () => {
  it.each([
    ['markup in the query', `/?q=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}`],
    ['a script in the query', `/?q=${encodeURIComponent('"><script>window.__pwned=1</script>')}`],
    ['a traversal as document', `/?doc=${encodeURIComponent('../../etc/passwd')}`],
    ['markup as passage', `/?doc=0123456789abcdef&passage=${encodeURIComponent('<script>window.__pwned=1</script>')}`],
    ['control and bidi characters in the query', `/?q=${encodeURIComponent('\u0000\u202Eabc\u200B')}`],
    ['a query far too long', `/?q=${'a'.repeat(5000)}`],
  ])('runs nothing and still shows the search box: %s', async (_name, path) => {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('searchbox').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await expectNothingRan();
  });

  it('tells a rate-limited user to wait, in words, without breaking the page', async () => {
    const limitedPage = await context.newPage();
    await limitedPage.goto(limited.url);
    const box = limitedPage.getByRole('searchbox').first();
    await box.pressSequentially('the union of the states', { delay: 200 });
    await expect.poll(() => limitedPage.locator('body').textContent(), { timeout: 15_000 }).toMatch(/Too many requests/);
    expect(await box.isVisible()).toBe(true);
    await limitedPage.close();
  });
});
