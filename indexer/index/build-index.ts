import { basename, resolve } from 'node:path';
import { ANALYZER_VERSION } from '../analyzer/index.ts';
import { readCatalog } from '../corpus/catalog.ts';
import { listCorpusFiles } from '../corpus/list-corpus-files.ts';
import { buildDocuments } from './build-documents.ts';
import { serializeDocuments } from './documents-file.ts';
import { readExtractCache, type CachedExtract, type ExtractCache } from './extract-cache.ts';
import { hashInputs } from './hash-inputs.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, INDEXER_VERSION, type IndexManifest, type IndexedFile, type SkippedFile } from './index-format.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { serializeTermIndex } from './term-index-file.ts';
import { readCorpusFiles, type ReadFilesOptions } from './read-corpus-files.ts';
import { recoverInterruptedWrite } from './recover-index.ts';
import { writeIndexAtomically } from './write-index.ts';
import { documentId } from '../document/document-id.ts';

/** Where a build is: `done` of `total` items of one phase, `path` the item just done. */
export interface BuildProgress {
  phase: 'reading files' | 'cutting passages' | 'indexing passages';
  done: number;
  total: number;
  path: string;
}

/** A build that wrote nothing; the previous index, if any, is untouched. */
export class BuildIndexError extends Error {
  constructor(
    readonly code: 'nothing_to_index',
    message: string,
    readonly skipped: SkippedFile[],
  ) {
    super(message);
    this.name = 'BuildIndexError';
  }
}

export interface BuildIndexOptions {
  corpusDir: string;
  indexDir: string;
  /** Read every file again instead of reusing what the previous index read from unchanged files. Default false. */
  full?: boolean;
  /** Limits on reading files (size, change detection). Defaults in read-corpus-files.ts. */
  read?: Partial<ReadFilesOptions>;
  /** Called once per problem (a skipped file, a broken catalog), with a one-line message. */
  onProblem?: (message: string) => void;
  /** Called as the build goes through files, then documents, for a progress display. */
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildReport {
  /** Files in the corpus folder (supported or not). */
  filesSeen: number;
  /** Files whose bytes were read in this run; the others were unchanged and not opened. */
  filesRead: number;
  /** Files parsed in this run (new or changed contents). */
  filesParsed: number;
  /** Files unchanged since the previous build, taken from its cache without being opened. */
  filesReused: number;
  documents: number;
  passages: number;
  words: number;
  skipped: SkippedFile[];
  /** Problems that are not about one file (the catalog, the cache). */
  warnings: string[];
  /** Nothing the index depends on had changed: the index was left as it was, not written again. */
  unchanged: boolean;
  indexBytes: number;
  durationMs: number;
}

/**
 * Reads a corpus folder and writes a complete index for it to `indexDir`, atomically. Files that are
 * unchanged since the previous build of `indexDir` are not read again; everything after reading
 * (chrome that recurs across a source, labels, passages, the search index) is recomputed from all
 * files, so the result is the index a full build gives. When nothing at all changed, the index is
 * left as it is.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<BuildReport> {
  const startedAt = performance.now();
  const checkedAt = Date.now();
  const corpusDir = resolve(options.corpusDir);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onProblem?.(message);
  };

  // A build killed while writing may have left the index aside and half-written folders beside it.
  await recoverInterruptedWrite(options.indexDir);
  const { catalog, problem } = await readCatalog(corpusDir);
  if (problem) warn(problem);
  const listing = await listCorpusFiles(corpusDir);
  const previous = options.full ? { cache: undefined } : await readExtractCache(options.indexDir);
  if (previous.problem) warn(previous.problem);

  const total = listing.files.length;
  const read = await readCorpusFiles(listing.files, previous.cache, options.read, (done, path) => options.onProgress?.({ phase: 'reading files', done, total, path }));

  const inputHash = hashInputs({ catalog, ...(problem === undefined ? {} : { catalogProblem: problem }), unreadable: listing.unreadable, outcomes: read.outcomes });
  const runReport = { filesSeen: total, filesRead: read.filesRead, filesParsed: read.filesParsed, filesReused: read.filesReused, warnings };
  if (previous.cache?.inputHash === inputHash) {
    // Nothing the index depends on has changed: it is already what this build would write.
    const { built } = previous.cache;
    for (const { path, reason } of built.skipped) options.onProblem?.(`skipped ${path}: ${reason}`);
    return { ...runReport, ...built, unchanged: true, durationMs: performance.now() - startedAt };
  }

  const skipped: SkippedFile[] = listing.unreadable.map(({ path, reason }) => ({ path, reason: `folder not readable: ${reason}` }));
  const files: Record<string, CachedExtract> = {};
  const extracted = [];
  for (const outcome of read.outcomes) {
    if ('reason' in outcome) {
      skipped.push({ path: outcome.path, reason: outcome.reason });
      continue;
    }
    files[outcome.path] = outcome.extract;
    const { result } = outcome.extract;
    if (!result.ok) {
      skipped.push({ path: outcome.path, reason: result.reason });
      continue;
    }
    skipped.push(...result.problems);
    extracted.push(...result.texts.map((text) => ({ text, file: outcome.path })));
  }

  const built = buildDocuments(extracted.map(({ text }) => text), { catalog, corpusName: basename(corpusDir) }, (done, path) =>
    options.onProgress?.({ phase: 'cutting passages', done, total: extracted.length, path }),
  );
  skipped.push(...built.skipped);
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, reason } of skipped) options.onProblem?.(`skipped ${path}: ${reason}`);

  if (built.documents.length === 0) {
    // An empty result is far more often a wrong or unmounted folder than a wish for an empty index.
    throw new BuildIndexError('nothing_to_index', `nothing could be indexed in ${corpusDir} (${skipped.length} files skipped)`, skipped);
  }

  const passages = built.documents.reduce((sum, document) => sum + document.passages.length, 0);
  const words = built.documents.reduce((sum, document) => sum + document.passages.reduce((count, passage) => count + passage.wordCount, 0), 0);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    indexerVersion: INDEXER_VERSION,
    builtAt: new Date().toISOString(),
    documentCount: built.documents.length,
    passageCount: passages,
    files: listFiles(extracted, built.documents.map((document) => document.path), files),
    skipped,
  };
  // What the server loads; the extract cache is the indexer's own.
  const served = {
    [INDEX_FILES.termIndex]: serializeTermIndex(
      buildSearchIndex(built.documents, (done, path) => options.onProgress?.({ phase: 'indexing passages', done, total: built.documents.length, path })),
    ),
    [INDEX_FILES.documents]: serializeDocuments(built.documents),
    [INDEX_FILES.manifest]: JSON.stringify(manifest, null, 2),
  };
  const summary = {
    documents: built.documents.length,
    passages,
    words,
    skipped,
    indexBytes: Object.values(served).reduce((sum, contents) => sum + Buffer.byteLength(contents), 0),
  };
  const cache: ExtractCache = { indexerVersion: INDEXER_VERSION, checkedAt, inputHash, built: summary, files };
  await writeIndexAtomically(options.indexDir, {
    [INDEX_FILES.termIndex]: served[INDEX_FILES.termIndex],
    [INDEX_FILES.documents]: served[INDEX_FILES.documents],
    [INDEX_FILES.extractCache]: JSON.stringify(cache),
    // The manifest goes last: its presence says the other files were written.
    [INDEX_FILES.manifest]: served[INDEX_FILES.manifest],
  });
  return { ...runReport, ...summary, unchanged: false, durationMs: performance.now() - startedAt };
}

/** The manifest's file list: each file that gave documents, with its hash and its documents' ids. */
function listFiles(extracted: { text: { path: string }; file: string }[], indexedPaths: string[], files: Record<string, CachedExtract>): IndexedFile[] {
  const indexed = new Set(indexedPaths);
  const idsByFile = new Map<string, string[]>();
  for (const { text, file } of extracted) {
    if (!indexed.has(text.path)) continue;
    const paths = idsByFile.get(file) ?? [];
    paths.push(text.path);
    idsByFile.set(file, paths);
  }
  return [...idsByFile].map(([path, documentPaths]) => {
    const ids = documentPaths.map(documentId);
    return { path, sha256: files[path]!.sha256, docId: ids[0]!, ...(ids.length > 1 ? { documentIds: ids } : {}) };
  });
}
