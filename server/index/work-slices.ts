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

/** How long a slice of loading work runs before requests get their turn, ms. */
export const DEFAULT_SLICE_MS = 8;

export function sliceWork(sliceMs = DEFAULT_SLICE_MS): WorkSlices {
  let startedAt = performance.now();
  return {
    due: () => performance.now() - startedAt >= sliceMs,
    pause: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      startedAt = performance.now();
    },
  };
}
