import { setFlagsFromString } from 'node:v8';

/**
 * How far past the live heap of its last full collection V8 lets a server's heap grow before the next
 * one, in percent. Left to itself on a machine with memory to spare, V8 lets it grow up to four times:
 * at a million passages (0.3 GB live) steady searches piled up 1 GB of garbage, resident memory going
 * from 1.7 to 2.5 GB in 20 s of 16 connections. At 100 % the peak stayed at 1.86 GB, for the same
 * server CPU per request (6.4–7.7 ms against 6.9–7.6 ms, alternating runs at x64).
 */
export const HEAP_GROWTH_PERCENT = 100;

/** The V8 flag to set, or undefined when the process was started with its own (`node --heap-growing-percent=N`). */
export function heapGrowthFlag(execArgv: readonly string[], percent = HEAP_GROWTH_PERCENT): string | undefined {
  return execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg)) ? undefined : `--heap-growing-percent=${percent}`;
}

/**
 * Sets the heap's growth for this process. V8 reads the flag each time it sets the next collection's
 * limit, so setting it at start, before the index is loaded, takes effect from the first collection.
 */
export function limitHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag !== undefined) setFlagsFromString(flag);
}
