import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FILES } from '../indexer/index/index-format.ts';
import type { LoadedIndex } from './index/loaded-index.ts';
import { loadServedIndex } from './load-served-index.ts';

export interface IndexWatchOptions {
  /** How often the manifest is checked for a newer build. Default 1000 ms. */
  intervalMs: number;
  /** Told after a newer index has replaced the one being served. */
  onReload: (index: LoadedIndex) => void;
  /** Told, once per build, why a newer index could not be loaded (the served one stays). */
  onError: (message: string) => void;
}

export const DEFAULT_INDEX_WATCH_OPTIONS: IndexWatchOptions = { intervalMs: 1000, onReload: () => {}, onError: () => {} };

export interface WatchedIndex {
  /** The index to answer the next request with. */
  current: () => LoadedIndex;
  close: () => void;
}

/**
 * Reads the build time of the index in a folder. The manifest lists every file of the corpus (half a
 * megabyte for a few thousand files): it is parsed again only when the file itself changed, not on
 * every check.
 */
function manifestReader(indexDir: string): () => Promise<string | undefined> {
  const path = join(indexDir, INDEX_FILES.manifest);
  let seen: { version: string; builtAt: string | undefined } | undefined;
  return async () => {
    try {
      const { ino, size, mtimeMs } = await stat(path);
      const version = `${ino}:${size}:${mtimeMs}`;
      if (seen?.version !== version) seen = { version, builtAt: (JSON.parse(await readFile(path, 'utf8')) as { builtAt?: string }).builtAt };
      return seen.builtAt;
    } catch {
      // Between the two renames of an index swap there is no manifest for a moment: look again later.
      return undefined;
    }
  };
}

/**
 * Keeps serving the newest good index in `indexDir`. The indexer replaces the folder by rename, so a
 * manifest with a new build time means a whole new index; it is loaded beside the served one and
 * swapped in with one assignment, so a request runs entirely on the old or entirely on the new
 * index and none is dropped. An index that fails to load leaves the served one in place.
 */
export function watchIndex(indexDir: string, initial: LoadedIndex, options: Partial<IndexWatchOptions> = {}): WatchedIndex {
  const settings = { ...DEFAULT_INDEX_WATCH_OPTIONS, ...options };
  let served = initial;
  let failedBuild: string | undefined;
  let checking = false;
  const readBuiltAt = manifestReader(indexDir);

  const check = async () => {
    const builtAt = await readBuiltAt();
    if (builtAt === undefined || builtAt === served.manifest.builtAt || builtAt === failedBuild) return;
    let next: LoadedIndex;
    try {
      next = await loadServedIndex(indexDir);
    } catch (error) {
      failedBuild = builtAt;
      settings.onError(`the new index in ${indexDir} (built ${builtAt}) was not loaded, still serving the one built ${served.manifest.builtAt}: ${(error as Error).message}`);
      return;
    }
    // Built again while loading: the files read may come from two builds. The next check loads the newest.
    if (next.manifest.builtAt !== builtAt || (await readBuiltAt()) !== builtAt) return;
    served = next;
    settings.onReload(next);
  };

  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    // An error check() did not foresee is told like a failed load, not left to end the process.
    check()
      .catch((error: unknown) => settings.onError(`looking for a newer index in ${indexDir} failed: ${(error as Error).message}`))
      .finally(() => {
        checking = false;
      });
  }, settings.intervalMs);
  // The watch alone must not keep a process alive.
  timer.unref();
  return { current: () => served, close: () => clearInterval(timer) };
}
