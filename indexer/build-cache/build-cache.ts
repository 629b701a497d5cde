import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PartProblem } from '../extract/extracted-text.ts';
import { ANALYZER_VERSION } from '../analyzer/index.ts';
import type { DateCounts } from '../build/count-dates.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, INDEXER_VERSION, type SkippedFile } from '../index/index-format.ts';

/** What a build keeps of one text of a file: enough to find its source's chrome without reading it again. */
export interface CachedText {
  /** The document's path: the file's, or `file#id` for a record. */
  path: string;
  /** The source the text declares (a JSON record's `source`), when it does. */
  declaredSource?: string;
  /** Digests of the lines that could be chrome (`findCandidateLines`, `hashLineKey`). */
  lineHashes: string[];
}

export type CachedRead = { ok: true; texts: CachedText[]; problems: PartProblem[] } | { ok: false; reason: string };

/** What was read from one file, with what identifies the file's contents at that time. */
export interface CachedFile {
  size: number;
  mtimeMs: number;
  sha256: string;
  read: CachedRead;
}

/** What a build made of one text, and the digest of everything it was made from (`documentKey`). */
export interface CachedDocument {
  key: string;
  /** Built: its written forms that differ from their terms (the index's postings hold the rest); or why it was skipped. */
  outcome: { ok: true; variants: [string, string, number][] } | { ok: false; reason: string };
}

/** Bump when the cache's layout changes: a cache of another layout is not reused. */
const CACHE_FORMAT = 2;

/**
 * The indexer's memory of its previous build, kept beside the index it built (and replaced with it,
 * atomically). An incremental run takes a file's reading from here when the file is unchanged, and a
 * document from the previous index when nothing it is made from has changed.
 */
export interface BuildCache {
  cacheFormat: number;
  /** The index format, analyzer and indexer versions of the build: kept postings must be what this build would make. */
  versions: number[];
  /** When the build that wrote the cache started (ms since the epoch). */
  checkedAt: number;
  /** `hashInputs` of that build: the same digest now means the index beside the cache is already the result. */
  inputHash: string;
  /** What that build made, to report when a run finds nothing to redo. */
  built: { documents: number; passages: number; words: number; skipped: SkippedFile[]; dates: DateCounts; indexBytes: number };
  files: Record<string, CachedFile>;
  /** By document path. */
  documents: Record<string, CachedDocument>;
}

const VERSIONS = [INDEX_FORMAT_VERSION, ANALYZER_VERSION, INDEXER_VERSION];

export function newBuildCache(fields: Omit<BuildCache, 'cacheFormat' | 'versions'>): BuildCache {
  return { cacheFormat: CACHE_FORMAT, versions: VERSIONS, ...fields };
}

export type CacheResult = { cache: BuildCache | undefined; problem?: string };

/**
 * The cache of the index in `indexDir`. Missing, or written by other rules: nothing to reuse, which
 * is normal. Unreadable: reported, and the run reads every file, as a full build would.
 */
export async function readBuildCache(indexDir: string): Promise<CacheResult> {
  let raw: string;
  try {
    raw = await readFile(join(indexDir, INDEX_FILES.extractCache), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cache: undefined };
    return { cache: undefined, problem: `cannot read the build cache, reading every file: ${(error as Error).message}` };
  }
  let cache: BuildCache;
  try {
    cache = JSON.parse(raw) as BuildCache;
  } catch {
    return { cache: undefined, problem: `the build cache in ${indexDir} is damaged, reading every file` };
  }
  const valid =
    cache.cacheFormat === CACHE_FORMAT && JSON.stringify(cache.versions) === JSON.stringify(VERSIONS) && isRecord(cache.files) && isRecord(cache.documents);
  return valid ? { cache } : { cache: undefined };
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
