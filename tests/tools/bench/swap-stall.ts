import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FILES } from '../../../indexer/index/index-format.ts';
import { summarizeLatencies } from './percentiles.ts';
import { startPassimServer, type PassimServer } from './passim-server.ts';

/** What the clients saw while one new index was loaded and swapped in. */
export interface SwapFigures {
  /** From the new index landing in place to the server saying it serves it, seconds. */
  swapSeconds: number;
  requests: number;
  /** Slowest request answered during the swap (and for a second after it), ms. */
  maxRequestMs: number;
  p99RequestMs: number;
  /** Longest the server's event loop was blocked over the same span, ms. */
  maxLoopDelayMs: number;
  /** The most CPU time its main thread spent in one such block, ms: the block on a machine with a core to spare. */
  maxLoopBusyMs: number;
}

export interface SwapStallFigures {
  /** Spawn of `npm run serve` to its first answered search, seconds. */
  coldStartSeconds: number;
  /** The same clients before any swap, for comparison. */
  steady: Omit<SwapFigures, 'swapSeconds'>;
  swaps: SwapFigures[];
}

/** Queries of the kinds the web client sends (words, a phrase, a typed prefix, a typo), each answered in milliseconds. */
const PATHS = ['union', 'tax reform', 'econom', 'goverment', '"the state of the union"', 'fre', 'liberty', 'defense spending', 'slavery'].map(
  (q) => `/api/search?${new URLSearchParams({ q })}`,
);
const CLIENTS = 3;
/** Pause between a client's requests: a steady stream, not a saturating one. */
const PAUSE_MS = 10;
const AFTER_SWAP_MS = 1000;
const PROBE = join(import.meta.dirname, 'loop-delay-probe.ts');

interface Sample {
  sentAt: number;
  ms: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A copy of the index that the server will take for a new build (a later build time). */
async function copyAsNewBuild(indexDir: string, copy: number): Promise<string> {
  const next = `${indexDir}.next-${copy}`;
  await cp(indexDir, next, { recursive: true });
  const manifestPath = join(next, INDEX_FILES.manifest);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { builtAt: string };
  manifest.builtAt = new Date(Date.now() + copy * 1000).toISOString();
  await writeFile(manifestPath, JSON.stringify(manifest));
  return next;
}

type LoopFigures = Pick<SwapFigures, 'maxLoopDelayMs' | 'maxLoopBusyMs'>;

/** The probe's figures since its last report (loop-delay-probe.ts). */
function askLoopDelay(server: PassimServer, lines: string[]): Promise<LoopFigures> {
  const before = lines.length;
  process.kill(server.pid, 'SIGUSR2');
  return (async () => {
    for (;;) {
      const line = lines.slice(before).find((text) => text.startsWith('loop-delay '));
      if (line) {
        const { maxMs, maxBusyMs } = JSON.parse(line.slice('loop-delay '.length)) as { maxMs: number; maxBusyMs: number };
        return { maxLoopDelayMs: maxMs, maxLoopBusyMs: maxBusyMs };
      }
      await sleep(10);
    }
  })();
}

function summarize(samples: Sample[], from: number, to: number) {
  const inSpan = samples.filter(({ sentAt, ms }) => sentAt + ms >= from && sentAt <= to);
  const summary = summarizeLatencies(inSpan.map(({ ms }) => ms));
  return { requests: summary.count, maxRequestMs: summary.max, p99RequestMs: summary.p99 };
}

/**
 * Serves `indexDir` (its folder is replaced `swaps` times by a copy with a later build time, as the
 * indexer replaces it) while clients send a steady stream of searches, and reports the slowest
 * request and the longest event-loop stall during each swap, plus the cold start.
 */
export async function measureSwapStall(indexDir: string, swaps = 3): Promise<SwapStallFigures> {
  const copies = [];
  for (let copy = 1; copy <= swaps; copy += 1) copies.push(await copyAsNewBuild(indexDir, copy));
  const server = await startPassimServer(indexDir, 1, [PROBE]);
  const lines: string[] = [];
  server.onLine((line) => lines.push(line));
  const samples: Sample[] = [];
  let running = true;
  const client = async (offset: number) => {
    for (let n = offset; running; n += 1) {
      const sentAt = performance.now();
      const response = await fetch(server.url + PATHS[n % PATHS.length]!);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`a search failed with HTTP ${response.status} during the swap bench`);
      samples.push({ sentAt, ms: performance.now() - sentAt });
      await sleep(PAUSE_MS);
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n * 3));
  try {
    await sleep(500);
    await askLoopDelay(server, lines);
    const steadyFrom = performance.now();
    await sleep(3000);
    const steady = { ...summarize(samples, steadyFrom, performance.now()), ...(await askLoopDelay(server, lines)) };
    const figures: SwapFigures[] = [];
    for (const next of copies) {
      await askLoopDelay(server, lines);
      const builtAt = (JSON.parse(await readFile(join(next, INDEX_FILES.manifest), 'utf8')) as { builtAt: string }).builtAt;
      const landedAt = performance.now();
      const aside = `${indexDir}.aside`;
      await rename(indexDir, aside);
      await rename(next, indexDir);
      const seen = lines.length;
      while (!lines.slice(seen).some((line) => line.includes(`now serving the index built ${builtAt}`))) {
        if (performance.now() - landedAt > 300_000) throw new Error('the server did not take the new index within 5 minutes');
        await sleep(5);
      }
      const swappedAt = performance.now();
      await sleep(AFTER_SWAP_MS);
      const loop = await askLoopDelay(server, lines);
      figures.push({ swapSeconds: (swappedAt - landedAt) / 1000, ...summarize(samples, landedAt, swappedAt + AFTER_SWAP_MS), ...loop });
      await rm(aside, { recursive: true, force: true });
    }
    return { coldStartSeconds: server.coldStartSeconds, steady, swaps: figures };
  } finally {
    running = false;
    await Promise.allSettled(clients);
    await server.stop();
    for (const next of copies) await rm(next, { recursive: true, force: true });
  }
}

/** The figures as lines of text, one for the cold start, one for the steady stream, one per swap. */
export function formatSwapStall(scale: number, figures: SwapStallFigures): string {
  const describe = (span: Omit<SwapFigures, 'swapSeconds'>) =>
    `${span.requests} requests: max ${span.maxRequestMs.toFixed(0)} ms, p99 ${span.p99RequestMs.toFixed(0)} ms; event loop blocked at most ${span.maxLoopDelayMs} ms, ${span.maxLoopBusyMs} ms of it on the CPU`;
  return [
    `x${scale}: cold start to first answer ${figures.coldStartSeconds.toFixed(2)} s`,
    `x${scale}: searches without a swap, ${describe(figures.steady)}`,
    ...figures.swaps.map((swap, n) => `x${scale}: index swap ${n + 1} took ${swap.swapSeconds.toFixed(1)} s, ${describe(swap)}`),
  ].join('\n');
}
