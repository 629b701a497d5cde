/**
 * Loaded into a server process with `--import` by the swap bench: watches the event loop's delay and,
 * on SIGUSR2, prints the largest delay since the last report as one `loop-delay {json}` line on stdout.
 * The signal is handled on the event loop, so a report always comes after any stall it covers.
 *
 * On a machine shared with other work, a delay is partly the server's own work and partly waiting
 * for a core. `maxBusyMs` is the first part: the most CPU time the main thread used between two
 * consecutive turns of a 5 ms timer (Linux /proc, 10 ms resolution), which is how long the loop would
 * have been blocked had the server had a core to itself.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const TICK_MS = 5;
const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
histogram.enable();

const CLOCK_TICK_MS = 10;
const statPath = `/proc/self/task/${process.pid}/stat`;
/** User and system CPU time of the main thread, ms (fields 14 and 15, after the command name). */
function mainThreadCpuMs(): number {
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

let lastCpuMs = mainThreadCpuMs();
let maxBusyMs = 0;
setInterval(() => {
  const cpuMs = mainThreadCpuMs();
  maxBusyMs = Math.max(maxBusyMs, cpuMs - lastCpuMs);
  lastCpuMs = cpuMs;
}, TICK_MS).unref();

process.on('SIGUSR2', () => {
  const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e5) / 10;
  process.stdout.write(`loop-delay ${JSON.stringify({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), maxBusyMs })}\n`);
  histogram.reset();
  maxBusyMs = 0;
});
