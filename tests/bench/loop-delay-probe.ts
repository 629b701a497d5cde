/**
 * Loaded into a server process with `--import` by the swap bench: watches the event loop's delay and,
 * on SIGUSR2, prints the largest delay since the last report as one `loop-delay {json}` line on stdout.
 * The signal is handled on the event loop, so a report always comes after any stall it covers.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e5) / 10;
  process.stdout.write(`loop-delay ${JSON.stringify({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)) })}\n`);
  histogram.reset();
});
