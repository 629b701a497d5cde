/**
 * Long synchronous work (loading an index of a million passages) cut into short slices, with the
 * event loop let through between them, so that a server keeps answering requests meanwhile. The
 * worker asks `due()` after each small step, and awaits `pause()` when it says so.
 */
export interface WorkSlices {
  /** The current slice has run its time. */
  due: () => boolean;
  /** Lets pending I/O and timers run (setImmediate comes after the poll phase), then starts a new slice. */
  pause: () => Promise<void>;
}

export interface WorkSliceOptions {
  /** Shortest slice, ms: what the work gets when the event loop has nothing else to do. Default 8. */
  sliceMs: number;
  /** Longest slice, ms: the most a request can wait behind the work. Default 40. */
  maxSliceMs: number;
  /** Share of the main thread the work keeps while requests take the rest. Default 0.25. */
  share: number;
}

export const DEFAULT_WORK_SLICE_OPTIONS: WorkSliceOptions = { sliceMs: 8, maxSliceMs: 40, share: 0.25 };

/**
 * Slices that keep at least `share` of the main thread for the work: after a pause in which requests
 * ran for a while, the next slice is longer (up to `maxSliceMs`). With slices of a fixed few
 * milliseconds, a busy server would take minutes to load a large index, holding two in memory.
 */
export function sliceWork(options: Partial<WorkSliceOptions> = {}): WorkSlices {
  const { sliceMs, maxSliceMs, share } = { ...DEFAULT_WORK_SLICE_OPTIONS, ...options };
  let startedAt = performance.now();
  let budgetMs = sliceMs;
  return {
    due: () => performance.now() - startedAt >= budgetMs,
    pause: async () => {
      const pausedAt = performance.now();
      await new Promise<void>((resolve) => setImmediate(resolve));
      startedAt = performance.now();
      const awayMs = startedAt - pausedAt;
      budgetMs = Math.min(maxSliceMs, Math.max(sliceMs, (awayMs * share) / (1 - share)));
    },
  };
}

/** Steps of long work: the generator yields between steps and returns what it built. */
export type WorkSteps<T> = Generator<void, T, undefined>;

/** Runs the steps to the end at once: a first use that cannot wait (an index assembled in memory, a test). */
export function runAllSteps<T>(steps: WorkSteps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Runs the steps, pausing between two of them whenever the slice has run its time. */
export async function runStepsInSlices<T>(steps: WorkSteps<T>, slices: WorkSlices): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (slices.due()) await slices.pause();
  }
}
