import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractResult } from '../extract/extracted-text.ts';
import { INDEX_FILES, INDEXER_VERSION, type SkippedFile } from './index-format.ts';

/** What was read from one file, with what identifies the file's contents at that time. */
export interface CachedExtract {
  size: number;
  mtimeMs: number;
  sha256: string;
  result: ExtractResult;
}

/**
 * The indexer's memory of the files it has read, kept beside the index it built (and replaced with
 * it, atomically). An incremental run takes a file's extract from here when the file is unchanged.
 */
export interface ExtractCache {
  indexerVersion: number;
  /** When the build that wrote the cache started (ms since the epoch). */
  checkedAt: number;
  /** `hashInputs` of that build: the same digest now means the index beside the cache is already the result. */
  inputHash: string;
  /** What that build made, to report when a run finds nothing to redo. */
  built: { documents: number; passages: number; words: number; skipped: SkippedFile[]; indexBytes: number };
  files: Record<string, CachedExtract>;
}

export type CacheResult = { cache: ExtractCache | undefined; problem?: string };

/**
 * The cache of the index in `indexDir`. Missing, or written by other rules: nothing to reuse, which
 * is normal. Unreadable: reported, and the run reads every file, as a full build would.
 */
export async function readExtractCache(indexDir: string): Promise<CacheResult> {
  let raw: string;
  try {
    raw = await readFile(join(indexDir, INDEX_FILES.extractCache), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cache: undefined };
    return { cache: undefined, problem: `cannot read the extract cache, reading every file: ${(error as Error).message}` };
  }
  let cache: ExtractCache;
  try {
    cache = JSON.parse(raw) as ExtractCache;
  } catch {
    return { cache: undefined, problem: `the extract cache in ${indexDir} is damaged, reading every file` };
  }
  if (cache.indexerVersion !== INDEXER_VERSION || typeof cache.files !== 'object' || cache.files === null) return { cache: undefined };
  return { cache };
}
