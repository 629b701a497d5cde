import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { CorpusFile } from '../corpus/list-corpus-files.ts';
import { extractFile, unsupportedReason } from '../extract/extract-file.ts';
import { findCandidateLines, hashLineKey } from '../clean/find-recurring-lines.ts';
import type { ExtractedText, ExtractResult } from '../extract/extracted-text.ts';
import type { BuildCache, CachedFile, CachedRead } from '../build-cache/build-cache.ts';

export interface ReadFilesOptions {
  /** Larger files are skipped unread. Default 64 MiB. */
  maxFileBytes: number;
  /**
   * A file modified this close (ms) before the previous build started is read again even when its
   * size and time match: its time may not have ticked for a change made during that build. Default 2000.
   */
  racyWindowMs: number;
}

export const DEFAULT_READ_FILES_OPTIONS: ReadFilesOptions = { maxFileBytes: 64 * 1024 * 1024, racyWindowMs: 2000 };

/**
 * A file's outcome: read (in this run, with the texts it holds, or as the cache remembers it), or a
 * reason it was not read.
 */
export type FileOutcome = { path: string; file: CachedFile; texts?: ExtractedText[] } | { path: string; reason: string };

export interface ReadFilesReport {
  outcomes: FileOutcome[];
  /** Files whose bytes were read in this run. */
  filesRead: number;
  /** Files read and parsed (new or changed contents). */
  filesParsed: number;
  /** Files taken from the cache without being opened. */
  filesReused: number;
}

/**
 * Reads the corpus's files, reusing the previous run's extract of each file that has not changed: a
 * file whose size and modification time are as recorded is not opened; one whose bytes hash as
 * recorded is not parsed again. A file that cannot be read becomes a reason; nothing here throws for
 * one file.
 */
export async function readCorpusFiles(
  files: readonly CorpusFile[],
  previous: BuildCache | undefined,
  options: Partial<ReadFilesOptions> = {},
  onFile?: (done: number, path: string) => void,
): Promise<ReadFilesReport> {
  const settings = { ...DEFAULT_READ_FILES_OPTIONS, ...options };
  const report: ReadFilesReport = { outcomes: [], filesRead: 0, filesParsed: 0, filesReused: 0 };
  for (const [index, file] of files.entries()) {
    report.outcomes.push(await readOne(file, previous, settings, report));
    onFile?.(index + 1, file.path);
  }
  return report;
}

async function readOne(file: CorpusFile, previous: BuildCache | undefined, settings: ReadFilesOptions, report: ReadFilesReport): Promise<FileOutcome> {
  const unsupported = unsupportedReason(file.path);
  if (unsupported) return { path: file.path, reason: unsupported };
  let info;
  try {
    info = await stat(file.absolutePath);
  } catch (error) {
    return { path: file.path, reason: `cannot read: ${(error as Error).message}` };
  }
  if (info.size > settings.maxFileBytes) {
    return { path: file.path, reason: `too large (${formatSize(info.size)}; the limit is ${formatSize(settings.maxFileBytes)}, see --max-file-mb)` };
  }
  const cached = previous?.files[file.path];
  const settled = previous !== undefined && info.mtimeMs < previous.checkedAt - settings.racyWindowMs;
  if (cached && settled && cached.size === info.size && cached.mtimeMs === info.mtimeMs) {
    report.filesReused += 1;
    return { path: file.path, file: cached };
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(file.absolutePath);
  } catch (error) {
    return { path: file.path, reason: `cannot read: ${(error as Error).message}` };
  }
  report.filesRead += 1;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const identity = { size: bytes.length, mtimeMs: info.mtimeMs, sha256 };
  if (cached && cached.sha256 === sha256) return { path: file.path, file: { ...identity, read: cached.read } };
  report.filesParsed += 1;
  const result = await extractFile(bytes, file.path);
  return { path: file.path, file: { ...identity, read: summarizeRead(result) }, ...(result.ok ? { texts: result.texts } : {}) };
}

/** Reads a file again for texts that must be rebuilt although the file did not change (its source's chrome did). */
export async function extractAgain(file: CorpusFile): Promise<ExtractResult> {
  try {
    return await extractFile(await readFile(file.absolutePath), file.path);
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as Error).message}` };
  }
}

/** What the cache keeps of a reading: its problems and, per text, what finding chrome needs. */
export function summarizeRead(result: ExtractResult): CachedRead {
  if (!result.ok) return result;
  const texts = result.texts.map((text) => ({
    path: text.path,
    ...(text.metadata.source === undefined ? {} : { declaredSource: text.metadata.source }),
    lineHashes: findCandidateLines(text.pages.join('\n')).map(hashLineKey),
  }));
  return { ok: true, texts, problems: result.problems };
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
