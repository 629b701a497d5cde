import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../server/api/types.ts';
import { SETTLED_AFTER_MS } from '../../client/src/app.tsx';
import { SEARCH_DEBOUNCE_MS } from '../../client/src/search/search-timing.ts';
import { ARTIFACTS, fetchJson, resultSummary, startResearchDesk, type ResearchDesk } from './support/research-desk.ts';

/** Completions wait this long after a key (search-box.tsx). */
const SUGGEST_DEBOUNCE_MS = 100;
/** A replace is written to the address bar this long after typing (history-store.ts). */
const ADDRESS_WRITE_DELAY_MS = 100;

let desk: ResearchDesk;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  desk = await startResearchDesk();
});
afterAll(async () => {
  await desk?.close();
});
afterEach(async () => {
  await context?.close();
});

/** A page whose time stands still once loaded: the test moves it (debounces, settling, address writes). */
async function openPaused(path: string): Promise<Page> {
  context = await desk.newContext();
  page = await context.newPage();
  await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  await page.goto(`${desk.server.url}${path}`);
  await page.clock.pauseAt(new Date('2026-01-05T10:00:00Z'));
  return page;
}

/** Lets the paused page paint: the filter panel follows the results a frame later. */
async function paint(): Promise<void> {
  await page.clock.runFor(50);
}

const searchBox = () => page.getByRole('searchbox', { name: 'Search passages' });
const resultsFor = () => page.locator('[data-results-for]').getAttribute('data-results-for');
const historyLength = () => page.evaluate(() => window.history.length);
const params = () => new URL(page.url()).searchParams;

/** Types a new query over the old one, lets the debounce pass and the address be written. */
async function typeQuery(text: string): Promise<void> {
  await searchBox().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.clock.runFor(Math.max(SEARCH_DEBOUNCE_MS, ADDRESS_WRITE_DELAY_MS));
  await expect.poll(resultsFor).toBe(text.trim());
}

describe('history and the tab', () => {
  it('makes each settled search one history entry, however many keys typed it, and Back brings back the query with its filters', async () => {
    await openPaused('/?q=coalition');
    await expect.poll(resultsFor).toBe('coalition');
    await paint();
    await page.getByRole('button', { name: /^U\.S\. Department of State \(\d+\)$/ }).click();
    await expect.poll(() => params().getAll('source')).toEqual(['state.gov']);
    const before = await historyLength();

    await typeQuery('wilmes');
    expect(await historyLength()).toBe(before + 1);
    expect(await page.title()).toBe('wilmes — Passim');
    // Still typing: another key edits the same entry.
    await typeQuery('wilmes brussels');
    expect(await historyLength()).toBe(before + 1);

    // Left alone, the search settles; the next one typed is an entry of its own.
    await page.clock.runFor(SETTLED_AFTER_MS);
    await typeQuery('pleasure');
    expect(await historyLength()).toBe(before + 2);
    expect(params().getAll('source')).toEqual(['state.gov']);

    await page.goBack();
    await expect.poll(() => searchBox().inputValue()).toBe('wilmes brussels');
    expect(params().getAll('source')).toEqual(['state.gov']);
    expect(await page.title()).toBe('wilmes brussels — Passim');
    await page.goBack();
    await expect.poll(() => searchBox().inputValue()).toBe('coalition');
    expect(params().getAll('source')).toEqual(['state.gov']);
    await page.goBack();
    await expect.poll(() => params().getAll('source')).toEqual([]);
    expect(await searchBox().inputValue()).toBe('coalition');
  });

  it('closes the completions on the first Esc, keeps the text, and a cleared box is one Back away from its search', async () => {
    await openPaused('/');
    await searchBox().focus();
    await page.keyboard.type('coal');
    await page.clock.runFor(SUGGEST_DEBOUNCE_MS);
    const list = page.getByRole('listbox', { name: 'Suggestions' });
    await list.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    expect(await searchBox().inputValue()).toBe('coal');

    await page.keyboard.press('Escape');
    await expect.poll(() => searchBox().inputValue()).toBe('');
    await page.clock.runFor(SEARCH_DEBOUNCE_MS + ADDRESS_WRITE_DELAY_MS);
    await expect.poll(() => params().get('q')).toBe(null);
    expect(await page.title()).toBe('Passim');
    await page.goBack();
    await expect.poll(() => searchBox().inputValue()).toBe('coal');
    expect(params().get('q')).toBe('coal');
  });
});

describe('the last word', () => {
  it('matches as the start of a word only while it is typed: after Enter it is a whole word', async () => {
    await openPaused('/');
    await searchBox().focus();
    await page.keyboard.type('coal');
    await page.clock.runFor(SEARCH_DEBOUNCE_MS);
    await expect.poll(resultsFor).toBe('coal');
    expect(await resultSummary(page).textContent()).toMatch(/^5 passages/);
    expect(await page.getByRole('article').first().locator('mark').first().textContent()).toMatch(/^coalition$/i);

    await page.keyboard.press('Enter');
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^0 passages/);
    // The same search arrived at by its address is finished too.
    await page.reload();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^0 passages/);
  });
});

describe('the syntax help', () => {
  it('says how the engine matches, lists year: and date:, and takes its examples from the archive', async () => {
    await openPaused('/');
    const { archive } = await fetchJson<HealthResponse>(desk.server, '/api/health');
    await page.getByRole('button', { name: 'Search syntax' }).click();
    const panel = page.locator('.syntax-panel');
    await expect.poll(() => panel.textContent()).toContain(`source:${archive!.sources[0]!.value}`);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(`from ${archive!.sources[0]!.label} only`);
    expect(text).toContain('speaker:wilmes');
    expect(text).toContain(`said by ${archive!.speakers[0]!.label}`);
    const [firstYear, lastYear] = [archive!.firstDate!.slice(0, 4), archive!.lastDate!.slice(0, 4)];
    expect(text).toContain(`year:${firstYear}`);
    expect(text).toContain(`year:${firstYear}..${lastYear}`);
    expect(text).toContain(`date:>=${lastYear}-01`);
    expect(text).toContain('their card says which word is missing');
    await page.screenshot({ path: join(ARTIFACTS, 'desk-syntax-help.png') });
  });

  it('shows on a card which of three words a passage is missing, as the help says', async () => {
    await openPaused('/?q=coalition%20foreign%20minister');
    await expect.poll(resultsFor).toBe('coalition foreign minister');
    const missing = page.getByRole('article').filter({ hasText: 'Missing: coalition' });
    expect(await missing.count()).toBeGreaterThan(0);
    await missing.first().screenshot({ path: join(ARTIFACTS, 'desk-missing-word.png') });
  });
});

describe('searches that find nothing', () => {
  it('names the filter that emptied the results and drops it on request', async () => {
    await openPaused('/?q=daesh&lang=fr');
    await expect.poll(resultsFor).toBe('daesh');
    const notice = page.locator('.notice-filters');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Language: French leaves none: without it, 5 passages match.');
    await paint();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-emptying-filter.png') });
    await notice.getByRole('button', { name: 'Drop this filter' }).click();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    expect(params().getAll('lang')).toEqual([]);
  });

  it('says a field filter matches no value of its field and offers the field that has it', async () => {
    await openPaused('/?q=coalition%20speaker:belgian');
    await expect.poll(resultsFor).toBe('coalition speaker:belgian');
    const note = page.locator('.query-notes li').first();
    expect(await note.textContent()).toContain('No speaker of this archive matches "belgian", but sources do: try source:belgian.');
    await paint();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-unknown-filter-value.png') });
    await note.getByRole('link', { name: 'Search coalition source:belgian' }).click();
    await expect.poll(resultsFor).toBe('coalition source:belgian');
    expect(await resultSummary(page).textContent()).toMatch(/^4 passages/);
  });
});

describe('completions', () => {
  it('asks for none when the text is longer than the suggest endpoint takes, so a long paste logs no error', async () => {
    await openPaused('/');
    const asked: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/suggest') asked.push(url.searchParams.get('q') ?? '');
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const long = 'the coalition '.repeat(20).trim();
    expect(long.length).toBeGreaterThan(200);
    await page.evaluate((text) => navigator.clipboard.writeText(text), long);
    await searchBox().focus();
    await page.keyboard.press('ControlOrMeta+V');
    await page.clock.runFor(SUGGEST_DEBOUNCE_MS + SEARCH_DEBOUNCE_MS);
    await expect.poll(resultsFor).toBe(long);
    await page.keyboard.press('End');
    await page.keyboard.type(' x');
    await page.clock.runFor(SUGGEST_DEBOUNCE_MS + SEARCH_DEBOUNCE_MS);
    expect(asked.filter((q) => q.length > 200)).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('keeps the result count in sight while the completions are open', async () => {
    await openPaused('/?q=coalition');
    await expect.poll(resultsFor).toBe('coalition');
    await searchBox().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.clock.runFor(Math.max(SUGGEST_DEBOUNCE_MS, SEARCH_DEBOUNCE_MS));
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await expect.poll(resultsFor).toBe('coalitio');
    const summary = ((await resultSummary(page).textContent()) ?? '').split(' · ')[0]!;
    const count = page.locator('.suggestion-count');
    expect(await count.textContent()).toBe(`${summary} so far`);
    // Nothing lies over the count: the element at its middle is the count itself.
    const onTop = await count.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(onTop).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'desk-suggestions-count.png') });
  });
});
