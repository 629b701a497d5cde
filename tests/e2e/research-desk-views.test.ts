import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolations } from '../support/browser.ts';
import { ARTIFACTS, resultSummary, startResearchDesk, type ResearchDesk } from './support/research-desk.ts';

let desk: ResearchDesk;
let context: BrowserContext;
let page: Page;

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 375, height: 740 };

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  desk = await startResearchDesk();
  context = await desk.newContext({ viewport: DESKTOP });
  page = await context.newPage();
});

afterAll(async () => {
  await desk?.close();
});

type Scheme = 'light' | 'dark';

/** The main views, each reached as a user would, ready for a screenshot and a scan. */
const VIEWS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'start',
    open: async (page) => {
      await page.goto(desk.server.url);
      await page.getByText(/documents · \d+ passages indexed/).waitFor();
    },
  },
  {
    name: 'results',
    open: async (page) => {
      await page.goto(`${desk.server.url}/?q=coalition&source=diplomatie.belgium.be&source=state.gov`);
      await page.getByRole('button', { name: '3 more passages in this document' }).click();
      await page.getByRole('article').nth(1).getByRole('button', { name: 'Collect' }).click();
    },
  },
  {
    name: 'reader',
    open: async (page) => {
      await page.goto(`${desk.server.url}/?q=coalition&doc=01377e8680f79e6b&passage=01377e8680f79e6b-p1`);
      await page.getByRole('button', { name: 'Next match' }).click();
    },
  },
  {
    name: 'tray',
    open: async (page) => {
      await page.goto(`${desk.server.url}/?q=international%20cooperation`);
      for (const index of [0, 1]) await page.getByRole('article').nth(index).getByRole('button', { name: 'Collect' }).click();
      await page.getByRole('button', { name: /^Clipboard, / }).click();
      await page.getByRole('dialog', { name: 'Clipboard' }).getByRole('textbox', { name: 'Note' }).first().fill('For the intro.');
    },
  },
];

describe('the main views', () => {
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    for (const view of VIEWS) {
      it(`shows the ${view.name} view in ${scheme} with no serious or critical accessibility violation`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(DESKTOP);
        await page.evaluate(() => localStorage.clear()).catch(() => undefined);
        await view.open(page);
        await page.screenshot({ path: join(ARTIFACTS, `desk-${view.name}-${scheme}.png`) });
        expect(await findSeriousAxeViolations(page)).toEqual([]);
      });
    }
  }

  it('is usable at 375 px: nothing wider than the screen, filters folded behind a button', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(PHONE);
    for (const view of VIEWS) {
      await page.evaluate(() => localStorage.clear()).catch(() => undefined);
      await view.open(page);
      await page.screenshot({ path: join(ARTIFACTS, `desk-${view.name}-375.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view.name} is wider than the screen`).toBeLessThanOrEqual(0);
    }
    await page.goto(desk.server.url);
    await page.getByRole('searchbox', { name: 'Search passages' }).pressSequentially('coal', { delay: 20 });
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-suggestions-375.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Search syntax' }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-syntax-375.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');

    await page.goto(`${desk.server.url}/?q=coalition`);
    const toggle = page.getByRole('button', { name: /^Filters/ });
    expect(await page.getByRole('button', { name: /^Belgian Foreign Affairs/ }).isVisible()).toBe(false);
    await toggle.click();
    // Shown once the click has been handled and the panel laid out, however long that takes.
    await page.getByRole('button', { name: /^Belgian Foreign Affairs/ }).waitFor({ state: 'visible' });
    await page.screenshot({ path: join(ARTIFACTS, 'desk-filters-375.png'), fullPage: true });
    expect(await findSeriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize(DESKTOP);
  });

  it('shows completions, the citation formats and the syntax help as tidy popovers', async () => {
    await page.goto(desk.server.url);
    await page.getByRole('searchbox', { name: 'Search passages' }).pressSequentially('coal', { delay: 20 });
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-suggestions-light.png') });
    expect(await findSeriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // After Enter the last word is a whole word: "coal" alone would match nothing.
    await page.keyboard.type('ition');
    await page.keyboard.press('Enter');
    await page.getByRole('article').first().getByRole('button', { name: /^Citation format:/ }).click();
    await page.getByRole('menu', { name: 'Copy as' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-format-menu-light.png') });
    expect(await findSeriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Search syntax' }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-syntax-light.png') });
    expect(await findSeriousAxeViolations(page)).toEqual([]);
  });
});

describe('the states of a search', () => {
  it('keeps the layout still when the first results arrive', async () => {
    await page.goto(desk.server.url);
    await page.evaluate(() => {
      const probe = window as unknown as { shift: number; shifts: PerformanceObserver };
      probe.shift = 0;
      const add = (entries: PerformanceEntryList) => {
        // Shifts right after typing count too: results arriving are not caused by the keystroke's own layout.
        for (const entry of entries as unknown as { value: number }[]) probe.shift += entry.value;
      };
      probe.shifts = new PerformanceObserver((list) => add(list.getEntries()));
      probe.shifts.observe({ type: 'layout-shift', buffered: false });
    });
    await page.getByRole('searchbox', { name: 'Search passages' }).fill('coalition');
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    await page.getByRole('searchbox', { name: 'Search passages' }).fill('coalition meeting');
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^4 passages/);
    // The shifts of the frame that showed the results, whatever the machine's speed: wait until two more
    // frames have started (that one was laid out and its shifts recorded), then take the records the
    // observer has not delivered yet.
    const shift = await page.evaluate(async () => {
      const probe = window as unknown as { shift: number; shifts: PerformanceObserver };
      await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
      for (const entry of probe.shifts.takeRecords() as unknown as { value: number }[]) probe.shift += entry.value;
      return probe.shift;
    });
    expect(shift).toBeLessThan(0.05);
  });

  it('says when nothing matches and what to try', async () => {
    await page.goto(`${desk.server.url}/?q=zzqqxx&source=state.gov`);
    await page.getByText('No passages match zzqqxx with the filters you chose.').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-empty-light.png') });
    await page.getByRole('button', { name: 'remove the filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('source')).toEqual([]);
  });

  it('explains a query it had to repair', async () => {
    await page.goto(`${desk.server.url}/?q=${encodeURIComponent('"coalition meeting')}`);
    await page.getByText('A quote was not closed; the phrase was read to the end of the query.').waitFor();
    expect(await page.getByText('Searched for "coalition meeting"').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'desk-repaired-query-light.png') });
  });

  it('explains a query the server refuses, without offering a retry that would fail again', async () => {
    // A hand-edited link: the language filter takes a code such as en.
    await page.goto(`${desk.server.url}/?q=coalition&lang=english`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^This search cannot be run\..*lang must be a language code such as en or fr/);
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  });

  it('shows "Searching…" while the first search loads, then says the server is unreachable, and retries', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/search?*', async (route) => {
      await held;
      await route.abort('connectionrefused');
    });
    await page.goto(`${desk.server.url}/?q=terrorism`);
    await expect.poll(() => resultSummary(page).textContent()).toBe('Searching…');
    await page.screenshot({ path: join(ARTIFACTS, 'desk-loading-light.png') });
    release();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('Could not reach the server');
    await page.screenshot({ path: join(ARTIFACTS, 'desk-unreachable-light.png') });
    await page.unroute('**/api/search?*');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/passages? in \d+ documents? · /);
  });
});
