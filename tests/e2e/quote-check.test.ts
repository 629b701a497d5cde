import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSeriousAxeViolations } from '../support/browser.ts';
import { ARTIFACTS, clearClipboard, readClipboard, useDeskPage } from './support/research-desk.ts';

const opened = useDeskPage();

const searchBox = () => opened.page().getByRole('searchbox', { name: 'Search passages' });

/**
 * Secretary Blinken's words, as an article might misquote them: "I think," dropped, "and" added,
 * "citizens" turned into "people", in curly quotes.
 */
const MISQUOTED =
  '“especially thank you for a meeting that was very strong evidence of a partnership between our countries bilaterally and multilaterally, that is really going to make a difference in the lives of our people.”';
const SOURCE_WORDS =
  'especially thank you for, I think, a meeting that was very strong evidence of a partnership between our countries bilaterally, multilaterally, that is really going to make a difference in the lives of our citizens';

describe('checking a quote', () => {
  it('offers to check a pasted quote, names its speaker, date and source, marks each difference in words, and copies the correct quote with its citation', async () => {
    const [desk, page] = [opened.desk(), opened.page()];
    await page.goto(desk.server.url);
    await page.evaluate((text) => navigator.clipboard.writeText(text), MISQUOTED);
    await searchBox().focus();
    await page.keyboard.press('ControlOrMeta+V');
    expect(await searchBox().inputValue()).toBe(MISQUOTED);

    const offer = page.getByRole('link', { name: 'Check this quote' });
    await offer.waitFor();
    await offer.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('check')).toBe('quote');

    const verdict = page.getByRole('status').filter({ hasText: 'Close, but not exact' });
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('1 word changed, 2 words left out, 1 word added');
    const source = page.locator('.quote-source').first();
    expect(await source.textContent()).toBe(
      'Secretary Blinken (U.S. Department of State) · 24 March 2021 · Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability',
    );

    // Each difference says what it is in words (hidden text for screen readers), besides its line style.
    const diff = page.locator('.quote-diff');
    expect(await diff.locator('del').allTextContents()).toEqual(['not in the source: and', 'quoted as: people']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['left out of the quote: I think', 'the source says: citizens']);
    expect(await page.locator('.quote-correct').textContent()).toBe(SOURCE_WORDS);
    await page.screenshot({ path: join(ARTIFACTS, 'quote-check.png'), fullPage: true });
    expect(await findSeriousAxeViolations(page)).toEqual([]);

    await clearClipboard(page);
    await page.getByRole('button', { name: 'Copy the correct quote with its citation' }).click();
    await expect.poll(() => readClipboard(page)).toContain(`“${SOURCE_WORDS}”`);
    const copied = await readClipboard(page);
    // The server's citation of just these words (the default format is plain text): who said them, where, when.
    expect(copied).toContain('— Secretary Blinken, “Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability”, U.S. Department of State, 24 March 2021.');
    expect(copied).toContain(`${desk.server.url}/?doc=`);

    // Back returns to the search of the same words.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('check')).toBe(null);
    await page.getByRole('link', { name: 'Check this quote' }).waitFor();
  });

  it('does not offer a quote check for a short search, and says when a quote is not in the archive', async () => {
    const [desk, page] = [opened.desk(), opened.page()];
    await page.goto(`${desk.server.url}/?q=coalition`);
    await page.locator('[data-results-for="coalition"]').waitFor();
    expect(await page.getByRole('link', { name: 'Check this quote' }).count()).toBe(0);

    const absent = '"The railway will reach the northern villages before the end of the decade"';
    await page.goto(`${desk.server.url}/?${new URLSearchParams({ q: absent, check: 'quote' })}`);
    await page.getByRole('status').filter({ hasText: 'Not found in this archive' }).waitFor();
    expect(await page.getByRole('button', { name: 'Copy the correct quote with its citation' }).count()).toBe(0);
  });
});
