import { watch, type FSWatcher } from 'node:fs';

export interface WatchOptions {
  /** Quiet time after the last change before a rebuild starts, so a copy of many files is one rebuild. Default 300 ms. */
  debounceMs: number;
}

export const DEFAULT_WATCH_OPTIONS: WatchOptions = { debounceMs: 300 };

export interface CorpusWatcher {
  close: () => Promise<void>;
}

/**
 * Calls `rebuild` after files under `corpusDir` change, one rebuild at a time: changes that arrive
 * during a rebuild lead to one more rebuild after it. A failed rebuild is reported through
 * `rebuild` itself; the watcher keeps watching.
 */
export function watchCorpus(corpusDir: string, rebuild: () => Promise<void>, options: Partial<WatchOptions> = {}): CorpusWatcher {
  const { debounceMs } = { ...DEFAULT_WATCH_OPTIONS, ...options };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  let closed = false;

  const run = () => {
    timer = undefined;
    if (closed) return;
    if (running) {
      pending = true;
      return;
    }
    running = rebuild()
      .catch(() => {})
      .finally(() => {
        running = undefined;
        if (pending && !closed) {
          pending = false;
          run();
        }
      });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  // Recursive watching is native on Linux since Node 20, on macOS and Windows since long before.
  const watcher: FSWatcher = watch(corpusDir, { recursive: true }, schedule);
  watcher.on('error', schedule);
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
