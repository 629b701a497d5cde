/**
 * The web client's figures: the production bundle's size (gzip), and on the SOTU corpus in
 * Chromium the time from a keystroke to the new results painted, as a person typing sees it
 * (the search box's short wait for more keys, the request, rendering), with when the search
 * request left and when its response was in, to tell the parts apart. Runs alone with
 * `npx tsx tests/tools/bench/client-bench.ts`; `runClientBench` returns the figures for `npm run bench`.
 */
import { SEARCH_DEBOUNCE_MS } from '../../../client/src/search/search-timing.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildIndex } from '../../../indexer/build/build-index.ts';
import { buildClient } from '../../../server/cli/ensure-client-built.ts';
import { serveIndex } from '../../../server/serve-index.ts';
import { launchChromium } from '../../support/browser.ts';
import { makeTempFolder } from '../../support/fixture-index.ts';
import { summarizeLatencies, type LatencySummary } from './percentiles.ts';
import { writeSotuCorpus } from '../corpus/sotu-corpus.ts';

/** The budget for the client's JavaScript, gzipped. */
export const JS_BUDGET_KB = 100;

/**
 * What people type into an archive of speeches: single words, two-word searches, a name, a
 * rare word. The last character of each is the timed keystroke.
 */
const TYPED_QUERIES = [
  'liberty', 'freedom', 'taxes', 'slavery', 'economy', 'railroads', 'tariff', 'gold standard',
  'depression', 'veterans', 'education', 'energy crisis', 'space', 'nuclear weapons', 'soviet union',
  'civil rights', 'inflation', 'jobs', 'health care', 'terrorism', 'immigration', 'mexico',
  'indian tribes', 'navy', 'panama canal', 'prohibition', 'social security', 'climate change',
  'internet', 'agriculture', 'banking', 'constitution', 'peace treaty', 'oil', 'budget deficit',
  'world war', 'korea', 'vietnam', 'iraq', 'families',
];

export interface ClientBenchFigures {
  bundle: { jsGzipKb: number; cssGzipKb: number; jsBudgetKb: number };
  keystrokeToPaint: LatencySummary & { documents: number; passages: number };
  /** From the keystroke to the search request leaving, and to its response fully received (Resource Timing). */
  keystrokeToRequest: LatencySummary;
  keystrokeToResponse: LatencySummary;
  /** The server's own time for the same searches (`tookMs`), to tell its share from the client's. */
  serverTookMs: LatencySummary;
}

export async function runClientBench(log: (line: string) => void = console.log): Promise<ClientBenchFigures> {
  const temp = await makeTempFolder('passim-client-bench-');
  try {
    // The bench measures what users download: a production build, whatever the caller's NODE_ENV.
    process.env.NODE_ENV = 'production';
    const clientDir = join(temp.path, 'client');
    await buildClient(clientDir);
    const bundle = await measureBundle(clientDir);
    log(`client bundle: ${bundle.jsGzipKb} KB JavaScript + ${bundle.cssGzipKb} KB CSS, gzipped (budget ${JS_BUDGET_KB} KB of JavaScript)`);

    const corpusDir = join(temp.path, 'sotu');
    const indexDir = join(temp.path, 'index');
    await writeSotuCorpus(corpusDir, 1);
    await buildIndex({ corpusDir, indexDir, onProblem: (message) => log(`indexer: ${message}`) });
    // The typing below sends a search and a completion request per pause; no limit applies to a bench.
    process.env.PASSIM_RATE_LIMIT = '0';
    const server = await serveIndex({ indexDir, port: 0, clientDir, reloadIntervalMs: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(server.url);
      const samples: number[] = [];
      const requestAt: number[] = [];
      const responseAt: number[] = [];
      const tookMs: number[] = [];
      for (const query of TYPED_QUERIES) {
        const timing = await timeLastKeystroke(page, query);
        samples.push(timing.painted);
        requestAt.push(timing.requested);
        responseAt.push(timing.answered);
        tookMs.push(await readTookMs(page));
      }
      const keystrokeToRequest = summarizeLatencies(requestAt);
      const keystrokeToResponse = summarizeLatencies(responseAt);
      const serverTookMs = summarizeLatencies(tookMs);
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { documents: number; passages: number };
      const keystrokeToPaint = { ...summarizeLatencies(samples), documents: health.documents, passages: health.passages };
      log(
        `keystroke to results painted, SOTU (${health.documents} documents, ${health.passages} passages), ` +
          `${samples.length} searches: median ${keystrokeToPaint.p50.toFixed(0)} ms, p95 ${keystrokeToPaint.p95.toFixed(0)} ms ` +
          `(max ${keystrokeToPaint.max.toFixed(0)} ms; the timed key follows a pause, so it searches at once; keys within ${SEARCH_DEBOUNCE_MS} ms of a search wait that long; ` +
          `the server's own time: median ${serverTookMs.p50.toFixed(0)} ms, p95 ${serverTookMs.p95.toFixed(0)} ms)`,
      );
      log(
        `  of which: request sent at median ${keystrokeToRequest.p50.toFixed(0)} ms (p95 ${keystrokeToRequest.p95.toFixed(0)}), ` +
          `response in at median ${keystrokeToResponse.p50.toFixed(0)} ms (p95 ${keystrokeToResponse.p95.toFixed(0)}), ` +
          `then parsing, rendering and the next frame`,
      );
      return { bundle, keystrokeToPaint, keystrokeToRequest, keystrokeToResponse, serverTookMs };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await temp.remove();
  }
}

/** Gzipped size of the built JavaScript and CSS, as a browser downloads them. */
async function measureBundle(clientDir: string): Promise<ClientBenchFigures['bundle']> {
  const assets = join(clientDir, 'assets');
  let js = 0;
  let css = 0;
  for (const name of await readdir(assets)) {
    const size = gzipSync(await readFile(join(assets, name))).length;
    if (name.endsWith('.js')) js += size;
    else if (name.endsWith('.css')) css += size;
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return { jsGzipKb: kb(js), cssGzipKb: kb(css), jsBudgetKb: JS_BUDGET_KB };
}

/**
 * Types `query` but its last character and waits for those results to settle; then presses
 * the last key and measures, in the page, from the keydown event to the first frame painted
 * with the results for the whole query (the results list names the query it shows once it is
 * no longer a placeholder); and, from the same keydown, when the search request for the whole
 * query left and when its response was in.
 */
async function timeLastKeystroke(page: Page, query: string): Promise<{ painted: number; requested: number; answered: number }> {
  const box = page.getByRole('searchbox', { name: 'Search passages' });
  const prefix = query.slice(0, -1);
  await box.fill(prefix);
  await page.waitForFunction((q) => document.querySelector('[data-results-for]')?.getAttribute('data-results-for') === q, prefix.trim());
  const measured = page.evaluate(
    (q) =>
      new Promise<{ painted: number; requested: number; answered: number }>((resolve) => {
        let keyAt = 0;
        // The buffer holds 250 entries; the earlier searches' entries are not needed.
        performance.clearResourceTimings();
        document.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-results-for]')?.getAttribute('data-results-for') !== q) return;
          observer.disconnect();
          // rAF runs just before the frame is painted; a task queued from it runs just after.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const painted = performance.now() - keyAt;
              const request = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).findLast(
                (entry) => new URL(entry.name).pathname === '/api/search' && new URL(entry.name).searchParams.get('q') === q,
              );
              resolve({ painted, requested: (request?.startTime ?? NaN) - keyAt, answered: (request?.responseEnd ?? NaN) - keyAt });
            };
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-results-for'] });
      }),
    query,
  );
  await box.press(query.at(-1)!);
  return measured;
}

/** The server time shown in the results summary ("5 passages in 2 documents · 12 ms"). */
async function readTookMs(page: Page): Promise<number> {
  const summary = (await page.getByRole('main').getByRole('status').first().textContent()) ?? '';
  const match = /· (<)?(\d+) ms$/.exec(summary);
  if (!match) throw new Error(`no server time in the summary "${summary}"`);
  return Number(match[2]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await runClientBench();
  console.log(JSON.stringify(figures, null, 2));
}
