import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationsResponse, CitationStyle, CitedPassage, DocumentResponse, SearchResponse } from '../../server/api/types.ts';
import { citableFromHit, citableFromReader } from '../../client/src/citation/citable-passage.ts';
import { readTray } from '../../client/src/tray/tray-store.ts';
import { ARTIFACTS, clearClipboard, fetchJson, readClipboard, resultSummary, startResearchDesk, type ResearchDesk } from './support/research-desk.ts';

let desk: ResearchDesk;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  desk = await startResearchDesk();
  context = await desk.newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await desk?.close();
});

const searchBox = () => page.getByRole('searchbox', { name: 'Search passages' });
const hits = () => page.getByRole('article');
const facet = (name: RegExp) => page.getByRole('button', { name });
const chips = () => page.getByRole('group', { name: 'Active filters' }).getByRole('button');
const searchParams = () => new URL(page.url()).searchParams;
/** What the server's one citation formatter makes of a passage (or words in it): what Copy must put on the clipboard. */
const serverCitation = async (id: string, style: CitationStyle, quote?: string) =>
  (await fetchJson<CitedPassage>(desk.server, `/api/passages/${id}/citation?style=${style}${quote === undefined ? '' : `&quote=${encodeURIComponent(quote)}`}`)).text;

describe('searching', () => {
  it('completes a word as it is typed, and shows the hits with every matched word highlighted', async () => {
    await page.goto(desk.server.url);
    await searchBox().pressSequentially('coal', { delay: 20 });
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('coalition');
    await searchBox().press('ArrowDown');
    await searchBox().press('Enter');
    await expect.poll(() => searchBox().inputValue()).toBe('coalition');
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages in 2 documents · /);
    const marks = await page.locator('article mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const mark of marks) expect(mark.toLowerCase()).toBe('coalition');
    expect(await hits().first().getByRole('listitem').first().textContent()).toBe('coalitionexact');
  });

  it('opens a document from a title completion, with the typed words marked in it', async () => {
    await page.goto(desk.server.url);
    await searchBox().pressSequentially('coal', { delay: 20 });
    const title = page.getByRole('option', { name: /Sophie Wilmès chairs/ });
    await title.waitFor();
    await title.click();
    await expect.poll(() => searchParams().get('doc')).toBe('01377e8680f79e6b');
    expect(searchParams().get('q')).toBe('coal');
    await expect.poll(() => page.locator('mark[data-match]').count()).toBeGreaterThan(0);
    await page.goBack();
    await expect.poll(() => searchParams().get('doc')).toBeNull();
  });

  it('keeps the results on screen while the next ones load, so typing never blanks the list', async () => {
    await page.goto(`${desk.server.url}/?q=coalition`);
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    await page.evaluate(() => {
      const probe = window as unknown as { blankFrames: number; watching: boolean };
      probe.blankFrames = 0;
      probe.watching = true;
      const check = () => {
        if (document.querySelectorAll('article').length === 0) probe.blankFrames++;
        if (probe.watching) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await searchBox().press('End');
    await searchBox().pressSequentially(' meeting', { delay: 40 });
    await expect.poll(() => searchParams().get('q')).toBe('coalition meeting');
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^4 passages/);
    const blankFrames = await page.evaluate(() => {
      const probe = window as unknown as { blankFrames: number; watching: boolean };
      probe.watching = false;
      return probe.blankFrames;
    });
    expect(blankFrames).toBe(0);
  });

  it('says how a misspelt word matched and offers the spelling the archive knows', async () => {
    await searchBox().fill('coalitoin');
    const didYouMean = page.getByRole('link', { name: 'coalition', exact: true });
    await expect.poll(() => didYouMean.isVisible()).toBe(true);
    expect(await hits().first().getByRole('listitem').first().textContent()).toMatch(/^coalitointypo→ as Coalition$/);
    await didYouMean.click();
    await expect.poll(() => searchBox().inputValue()).toBe('coalition');
    expect(searchParams().get('q')).toBe('coalition');
  });
});

describe('narrowing', () => {
  it('narrows by two sources and a speaker, shows each as a removable chip, and clears them all', async () => {
    await page.goto(`${desk.server.url}/?q=coalition`);
    await facet(/^Belgian Foreign Affairs \(4\)$/).click();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^4 passages in 1 document /);
    await facet(/^U\.S\. Department of State \(1\)$/).click();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages in 2 documents /);
    expect(searchParams().getAll('source')).toEqual(['diplomatie.belgium.be', 'state.gov']);
    expect(await facet(/^Belgian Foreign Affairs \(4\)$/).getAttribute('aria-pressed')).toBe('true');

    await facet(/^FOREIGN MINISTER WILMES \(1\)$/).click();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^1 passage in 1 document /);
    expect(await chips().allTextContents()).toEqual([
      'Source: Belgian Foreign Affairs',
      'Source: U.S. Department of State',
      'Speaker: FOREIGN MINISTER WILMES',
      'Clear all',
    ]);

    await page.getByRole('button', { name: 'Remove filter Speaker: FOREIGN MINISTER WILMES' }).click();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => chips().count()).toBe(0);
    expect(searchParams().getAll('source')).toEqual([]);
  });

  it('narrows to a range of years from the From and To lists', async () => {
    await page.goto(`${desk.server.url}/?q=international`);
    await expect.poll(() => page.getByRole('combobox', { name: 'From year' }).isVisible()).toBe(true);
    const before = await resultSummary(page).textContent();
    await page.getByRole('combobox', { name: 'From year' }).selectOption('2021');
    await expect.poll(() => searchParams().get('years')).toBe('2021');
    await expect.poll(() => resultSummary(page).textContent()).not.toBe(before);
    expect(await chips().allTextContents()).toEqual(['Years: 2021']);
  });
});

describe('reading', () => {
  it('opens the reader at the passage, marks every match, and steps through them from there', async () => {
    const doc = await fetchJson<DocumentResponse>(desk.server, '/api/documents/01377e8680f79e6b?q=coalition');
    const cited = doc.passages[1]!;
    const firstAfter = doc.highlights!.findIndex((highlight) => highlight.start >= cited.start);

    await page.goto(`${desk.server.url}/?q=coalition`);
    await page.getByRole('button', { name: '3 more passages in this document' }).click();
    await page.getByRole('link', { name: 'Passage 2', exact: true }).click();
    const current = page.locator('[aria-current="true"]');
    await expect.poll(() => current.textContent()).toContain("Today's ministerial meeting");
    expect(await page.locator('mark[data-match]').count()).toBe(doc.highlights!.length);

    const position = page.getByRole('group', { name: 'Matches of your search' }).getByRole('status');
    expect(await position.textContent()).toBe(`${doc.highlights!.length} matches`);
    await page.getByRole('button', { name: 'Next match' }).click();
    expect(await position.textContent()).toBe(`Match ${firstAfter + 1} of ${doc.highlights!.length}`);
    expect(await current.locator('mark.mark-current').count()).toBe(1);
    await page.getByRole('button', { name: 'Next match' }).click();
    expect(await position.textContent()).toBe(`Match ${firstAfter + 2} of ${doc.highlights!.length}`);
    await page.getByRole('button', { name: 'Previous match' }).click();
    await page.getByRole('button', { name: 'Previous match' }).click();
    expect(await position.textContent()).toBe(`Match ${firstAfter} of ${doc.highlights!.length}`);

    // Every passage has its own link, numbered in the margin.
    const link = page.getByRole('link', { name: 'Link to passage 3' });
    expect(new URL((await link.getAttribute('href'))!, desk.server.url).searchParams.get('passage')).toBe(doc.passages[2]!.id);

    // Back to the results: the document's other passages are still expanded.
    await page.getByRole('link', { name: '← Back to results' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Hide the other 3 passages in this document' }).count()).toBe(1);
    expect(await hits().count()).toBe(5);
  });
});

describe('citing', () => {
  it('copies a hit in each format, remembers the last one across a reload, and cites a reader passage the same way', async () => {
    const api = await fetchJson<SearchResponse>(desk.server, '/api/search?q=coalition&source=state.gov');
    const passage = citableFromHit(api.hits[0]!);
    await page.goto(`${desk.server.url}/?q=coalition&source=state.gov`);
    const card = hits().first();
    const formats: [CitationStyle, string][] = [['markdown', 'Markdown'], ['apa', 'APA 7'], ['chicago', 'Chicago (author-date)'], ['mla', 'MLA 9'], ['text', 'plain text'], ['apa', 'APA 7']];
    for (const [format, label] of formats) {
      await clearClipboard(page);
      await card.getByRole('button', { name: /^Citation format:/ }).click();
      await page.getByRole('menuitemradio', { name: `Copy as ${label}` }).click();
      await expect.poll(() => readClipboard(page)).toBe(await serverCitation(passage.id, format));
      expect(await card.getByRole('status').textContent()).toBe('Copied');
    }
    expect(await serverCitation(passage.id, 'text')).toContain('\nOriginal: https://www.state.gov/secretary-blinken-and-belgian-foreign-minister-wilmes-at-a-joint-press-availability/#:~:text=');
    expect(await serverCitation(passage.id, 'apa')).toMatch(
      /” \(U\.S\. Department of State, 2021\)\n\nU\.S\. Department of State\. \(2021, March 24\)\. Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability \[Remarks by Foreign Minister Wilmes\]\. https:\/\/www\.state\.gov\//,
    );

    await page.reload();
    await expect.poll(() => card.getByRole('button', { name: 'Citation format: APA 7' }).count()).toBe(1);
    await clearClipboard(page);
    await card.getByRole('button', { name: 'Copy passage with citation' }).click();
    await expect.poll(() => readClipboard(page)).toBe(await serverCitation(passage.id, 'apa'));

    const doc = await fetchJson<DocumentResponse>(desk.server, `/api/documents/${passage.docId}`);
    const inReader = citableFromReader(doc, doc.passages.find((candidate) => candidate.id === passage.id)!);
    expect(inReader).toEqual(passage);
  });

  it('copies words selected inside a passage with their citation and a link to just those words', async () => {
    await page.goto(`${desk.server.url}/?q=coalition&source=state.gov`);
    const card = hits().first();
    const snippet = card.locator('[data-cite-passage]');
    await snippet.waitFor();
    const passageId = (await snippet.getAttribute('data-cite-passage'))!;
    // Select "the D-ISIS coalition" in the snippet, as a reader would with the mouse.
    const selected = await snippet.evaluate((element) => {
      const text = element.textContent ?? '';
      const start = text.indexOf('next ministerial meeting');
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const locate = (offset: number): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.length) return [node, offset - seen];
          seen += node.length;
        }
        return [nodes.at(-1)!, nodes.at(-1)!.length];
      };
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(start + 'next ministerial meeting'.length));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return range.toString();
    });
    expect(selected).toBe('next ministerial meeting');
    await clearClipboard(page);
    await page.getByRole('button', { name: 'Copy the 3 selected words with citation' }).click();
    const expected = await serverCitation(passageId, 'apa', 'next ministerial meeting');
    await expect.poll(() => readClipboard(page)).toBe(expected);
    expect(expected).toMatch(/^“next ministerial meeting” \(U\.S\. Department of State, 2021\)\n\n/);
    expect(expected).toContain('#:~:text=next%20ministerial%20meeting');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'desk-selection-copy.png') });
  });
});

describe('collecting', () => {
  it('collects three passages across searches, orders and annotates them, copies them all, and keeps them after a reload', async () => {
    await page.goto(`${desk.server.url}/?q=coalition`);
    await hits().first().getByRole('button', { name: 'Collect' }).click();
    await page.getByRole('button', { name: '3 more passages in this document' }).click();
    await hits().nth(1).getByRole('button', { name: 'Collect' }).click();
    await searchBox().fill('multilateralism');
    await expect.poll(async () => (await hits().first().locator('mark').first().textContent())?.toLowerCase()).toBe('multilateralism');
    await hits().first().getByRole('button', { name: 'Collect' }).click();
    expect(await hits().first().getByRole('button', { name: 'Collect' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Clipboard, 3 passages' }).click();
    const tray = page.getByRole('dialog', { name: 'Clipboard' });
    await expect.poll(() => tray.getByRole('listitem').count()).toBe(3);
    const titles = async () => (await tray.getByRole('listitem').all()).map((item) => item.getByRole('link'));
    const lastTitle = await (await titles())[2]!.textContent();
    await tray.getByRole('button', { name: /^Move up: .*passage 3 of 3$/ }).click();
    await tray.getByRole('button', { name: /^Move up: .*passage 2 of 3$/ }).click();
    expect(await (await titles())[0]!.textContent()).toBe(lastTitle);
    await tray.getByRole('textbox', { name: 'Note' }).first().fill('Opening quote for the brief.');

    await clearClipboard(page);
    await tray.getByRole('button', { name: 'Copy all' }).click();
    const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('passim.clipboard.v1') ?? '[]') as unknown);
    const items = readTray(await stored());
    expect(items.map((item) => item.note)).toEqual(['Opening quote for the brief.', '', '']);
    const collection = await fetch(`${desk.server.url}/api/citations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ format: await page.evaluate(() => JSON.parse(localStorage.getItem('passim.citation-format') ?? '"text"') as string), items: items.map((item) => ({ id: item.id, ...(item.note === '' ? {} : { note: item.note }), collectedAt: item.addedAt })) }),
    });
    await expect.poll(() => readClipboard(page)).toBe(((await collection.json()) as CitationsResponse).text);
    expect(await tray.getByRole('status').filter({ hasText: 'Copied' }).textContent()).toBe('Copied 3 passages');

    for (const [label, pattern] of [['Markdown', /^# Passages collected in Passim/], ['CSV', /^\uFEFFtitle,author,source,/], ['RIS', /^TY {2}- /], ['BibTeX', /^@misc\{/]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), tray.getByRole('button', { name: label, exact: true }).click()]);
      const text = await readDownload(download);
      expect(text).toMatch(pattern);
      expect(text).toContain('Opening quote for the brief.');
    }

    await page.reload();
    await page.getByRole('button', { name: 'Clipboard, 3 passages' }).click();
    await expect.poll(() => tray.getByRole('listitem').count()).toBe(3);
    expect(await tray.getByRole('textbox', { name: 'Note' }).first().inputValue()).toBe('Opening quote for the brief.');
    await tray.getByRole('button', { name: /^Remove: / }).first().click();
    await expect.poll(() => tray.getByRole('listitem').count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => tray.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Clipboard, 2 passages' }).count()).toBe(1);
  });
});

describe('the address bar', () => {
  it('holds every view, so back and forward step through query, filters and reader, and a shared link restores it', async () => {
    await page.goto(`${desk.server.url}/?q=coalition`);
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    await facet(/^U\.S\. Department of State \(1\)$/).click();
    await expect.poll(() => searchParams().getAll('source')).toEqual(['state.gov']);
    // The filtered results, not the ones on screen while they load, before opening the first hit.
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^1 passage /);
    await hits().first().getByRole('link').first().click();
    await expect.poll(() => searchParams().get('doc')).toBe('02181563e802a78d');
    expect(searchParams().get('q')).toBe('coalition');

    await page.goBack();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^1 passage /);
    expect(searchParams().getAll('source')).toEqual(['state.gov']);
    await page.goBack();
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages /);
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Secretary Blinken/ }).count()).toBe(1);
    expect(await page.locator('[aria-current="true"]').count()).toBe(1);

    // A shared link restores the same view from nothing.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => other.locator('[aria-current="true"]').count()).toBe(1);
    expect(await other.getByRole('searchbox', { name: 'Search passages' }).inputValue()).toBe('coalition');
    await other.close();
  });
});

describe('order', () => {
  it('sorts the results by date from the Sort control, keeps the order in the URL, and shows each hit’s date', async () => {
    await page.goto(`${desk.server.url}/?q=coalition`);
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    const sort = page.getByRole('combobox', { name: 'Sort' });
    expect(await sort.inputValue()).toBe('relevance');
    await sort.selectOption({ label: 'Oldest first' });
    await expect.poll(() => searchParams().get('sort')).toBe('oldest');
    const api = await fetchJson<SearchResponse>(desk.server, '/api/search?q=coalition&sort=oldest');
    await expect.poll(async () => (await hits().first().locator('h3').textContent())?.trim()).toBe(api.hits[0]!.title);
    expect(await hits().first().locator('time').getAttribute('datetime')).toBe('2021-03-24');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'desk-sort-oldest.png') });
    await sort.selectOption({ label: 'Newest first' });
    await expect.poll(() => searchParams().get('sort')).toBe('newest');
    await expect.poll(async () => hits().first().locator('time').getAttribute('datetime')).toBe('2021-03-30');
    // A shared link keeps the order; back returns to the previous one.
    await page.reload();
    expect(await page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('newest');
    await page.goBack();
    await expect.poll(() => searchParams().get('sort')).toBe('oldest');
    await page.goBack();
    await expect.poll(() => searchParams().get('sort')).toBeNull();
  });
});

describe('the keyboard', () => {
  it('searches, moves between hits, copies, opens, steps through matches and closes without a mouse', async () => {
    await page.goto(desk.server.url);
    // :focus-visible only matches in a focused window; other browser tests may run at the same time.
    await page.bringToFront();
    await page.getByRole('heading', { name: 'Find the passage, cite the source' }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('coalition', { delay: 10 });
    // Results follow each keystroke: wait for those of the whole word, not of a prefix on the way.
    await expect.poll(() => page.locator('[data-results-for]').getAttribute('data-results-for')).toBe('coalition');
    await expect.poll(() => resultSummary(page).textContent()).toMatch(/^5 passages/);
    // Completions come a moment after the results: close them once they are there.
    const completions = page.getByRole('listbox', { name: 'Suggestions' });
    await completions.waitFor();
    await page.keyboard.press('Escape');
    await completions.waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowDown');
    const focusedHit = () => page.evaluate(() => document.activeElement?.closest('article')?.querySelector('h3')?.textContent ?? null);
    const focusVisible = () => page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);
    await expect.poll(focusedHit).toMatch(/^Sophie Wilmès/);
    await expect.poll(focusVisible).toBe(true);
    await page.keyboard.press('j');
    await expect.poll(focusedHit).toMatch(/^Secretary Blinken/);
    await page.keyboard.press('k');
    await page.keyboard.press('j');

    await clearClipboard(page);
    await page.keyboard.press('c');
    const api = await fetchJson<SearchResponse>(desk.server, '/api/search?q=coalition');
    const blinken = api.hits.find((hit) => hit.docId === '02181563e802a78d')!;
    const format = await page.evaluate(() => JSON.parse(localStorage.getItem('passim.citation-format') ?? '"text"') as CitationStyle);
    await expect.poll(() => readClipboard(page)).toBe(await serverCitation(blinken.id, format));

    await page.keyboard.press('Enter');
    await expect.poll(() => searchParams().get('doc')).toBe('02181563e802a78d');
    const position = page.getByRole('group', { name: 'Matches of your search' }).getByRole('status');
    await position.waitFor();
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent()).toMatch(/^Match \d+ of \d+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => searchParams().get('doc')).toBeNull();
    expect(searchParams().get('q')).toBe('coalition');
    // Back on the hit that was opened, so j/k go on from there.
    await expect.poll(focusedHit).toMatch(/^Secretary Blinken/);
    expect(await focusVisible()).toBe(true);
  });
});

async function readDownload(download: { path: () => Promise<string | null> }): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const path = await download.path();
  if (!path) throw new Error('the download was not saved');
  return readFile(path, 'utf8');
}
