import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { ANALYZER_VERSION } from '../analyzer/index.ts';
import { readCatalog } from '../corpus/catalog.ts';
import { listCorpusFiles } from '../corpus/list-corpus-files.ts';
import { documentId } from '../document/document-id.ts';
import { newBuildCache, readBuildCache, type CachedDocument, type CachedFile } from '../build-cache/build-cache.ts';
import { buildDocumentsInOrder, FEW_DOCUMENTS, LARGE_BUILD_PASSAGES } from './build-documents-in-order.ts';
import { collectGarbage } from '../build-cache/collect-garbage.ts';
import { DocumentWorkers } from '../threads/document-workers.ts';
import { encodeDocuments, toDocumentRecord } from '../index/documents-file.ts';
import { encodeTexts } from '../index/texts-file.ts';
import { hashInputs } from '../build-cache/hash-inputs.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, INDEXER_VERSION, type IndexManifest, type IndexedFile, type SkippedFile, type StoredDocument } from '../index/index-format.ts';
import { countDates, type DateCounts } from './count-dates.ts';
import { planTexts } from './plan-texts.ts';
import { readCorpusFiles, type ReadFilesOptions } from './read-corpus-files.ts';
import { readPreviousBuild } from '../build-cache/read-previous-build.ts';
import { recoverInterruptedWrite } from '../index/recover-index.ts';
import { writeIndexAtomically, type FileContents } from '../index/write-index.ts';

/** Where a build is: `done` of `total` items of one phase, `path` the item just done. */
export interface BuildProgress {
  phase: 'reading files' | 'cutting passages' | 'indexing passages' | 'sending to OpenSearch';
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
  /**
   * Threads that build documents while the main thread reads and merges; 0 builds them on the main
   * thread. Default: one per core, when more than a few documents are to be built (starting a thread
   * costs more than building a few documents), with the main thread building documents itself until
   * they are ready. Given, the threads build every document.
   */
  threads?: number;
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
  /** Documents made (cleaned, cut, analyzed) in this run; the others were kept from the previous index. */
  documentsBuilt: number;
  passages: number;
  words: number;
  skipped: SkippedFile[];
  /** How many documents got their date from each place, and the paths of those without one. */
  dates: DateCounts;
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
  const corpusName = basename(corpusDir);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onProblem?.(message);
  };

  // A build killed while writing may have left the index aside and half-written folders beside it.
  await recoverInterruptedWrite(options.indexDir);
  const previous = options.full ? { cache: undefined } : await readBuildCache(options.indexDir);
  if (previous.problem) warn(previous.problem);
  const { catalog, problem } = await readCatalog(corpusDir);
  if (problem) warn(problem);
  const listing = await listCorpusFiles(corpusDir);
  const total = listing.files.length;
  // With nothing to reuse, every document is built: start the threads now, while files are read.
  const threadCount = options.threads ?? availableParallelism();
  const worthThreads = (documents: number) => threadCount > 0 && documents > 0 && (options.threads !== undefined || documents > FEW_DOCUMENTS);
  let workers = previous.cache === undefined && worthThreads(total) ? new DocumentWorkers(threadCount) : undefined;
  try {
    const read = await readCorpusFiles(listing.files, previous.cache, options.read, (done, path) => options.onProgress?.({ phase: 'reading files', done, total, path }));

    const inputHash = hashInputs({ catalog, ...(problem === undefined ? {} : { catalogProblem: problem }), unreadable: listing.unreadable, outcomes: read.outcomes });
    const runReport = { filesSeen: total, filesRead: read.filesRead, filesParsed: read.filesParsed, filesReused: read.filesReused, warnings };
    if (previous.cache?.inputHash === inputHash) {
      // Nothing the index depends on has changed: it is already what this build would write.
      const { built } = previous.cache;
      for (const { path, reason } of built.skipped) options.onProblem?.(`skipped ${path}: ${reason}`);
      return { ...runReport, ...built, documentsBuilt: 0, unchanged: true, durationMs: performance.now() - startedAt };
    }

    const planned = planTexts(read.outcomes, catalog, corpusName);
    const skipped: SkippedFile[] = listing.unreadable.map(({ path, reason }) => ({ path, reason: `folder not readable: ${reason}` }));
    skipped.push(...planned.skipped);
    // A document whose key is unchanged is taken from the previous index; it was read and analyzed then.
    const before = previous.cache?.documents ?? {};
    const reusable = planned.texts.some(({ cached, key }) => before[cached.path]?.key === key && before[cached.path]!.outcome.ok);
    const previousBuild = reusable ? await readPreviousBuild(options.indexDir) : undefined;
    const toBuild = planned.texts.filter(({ cached, key }) => !(before[cached.path]?.key === key && (!before[cached.path]!.outcome.ok || previousBuild?.documents.has(cached.path))));
    if (!workers && worthThreads(toBuild.length)) workers = new DocumentWorkers(threadCount);

    const files: Record<string, CachedFile> = {};
    for (const outcome of read.outcomes) if ('file' in outcome) files[outcome.path] = outcome.file;
    const documents: StoredDocument[] = [];
    const cachedDocuments: Record<string, CachedDocument> = {};
    const fileOfDocument = new Map<string, string>();
    const built = await buildDocumentsInOrder({
      texts: planned.texts,
      previousDocuments: before,
      previousBuild,
      listing: listing.files,
      workers,
      // Threads asked for by number build every document (tests compare them with the main thread).
      mainHelps: options.threads === undefined,
      onDocument: (done, path) => options.onProgress?.({ phase: 'cutting passages', done, total: planned.texts.length, path }),
    });
    for (const result of built.results) {
      cachedDocuments[result.path] = result.cached;
      if (result.document) {
        documents.push(result.document);
        fileOfDocument.set(result.path, result.file);
      } else if (!result.cached.outcome.ok) skipped.push({ path: result.path, reason: result.cached.outcome.reason });
    }
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const { path, reason } of skipped) options.onProblem?.(`skipped ${path}: ${reason}`);

    if (documents.length === 0) {
      // An empty result is far more often a wrong or unmounted folder than a wish for an empty index.
      throw new BuildIndexError('nothing_to_index', `nothing could be indexed in ${corpusDir} (${skipped.length} files skipped)`, skipped);
    }

    options.onProgress?.({ phase: 'indexing passages', done: documents.length, total: documents.length, path: documents.at(-1)!.path });
    const passages = built.passageCount;
    const words = documents.reduce((sum, document) => sum + document.passages.reduce((count, passage) => count + passage.wordCount, 0), 0);
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      analyzerVersion: ANALYZER_VERSION,
      indexerVersion: INDEXER_VERSION,
      builtAt: new Date().toISOString(),
      documentCount: documents.length,
      passageCount: passages,
      files: listFiles(documents, fileOfDocument, files),
      skipped,
    };
    const documentCount = documents.length;
    const dates = countDates(documents);
    // What the server loads; the build cache is the indexer's own.
    const served = {
      [INDEX_FILES.termIndex]: built.termIndexFile,
      [INDEX_FILES.documents]: encodeDocuments(documents.map(toDocumentRecord)),
      [INDEX_FILES.texts]: encodeTexts(documents),
      [INDEX_FILES.manifest]: JSON.stringify(manifest, null, 2),
    };
    // The documents are in their files now: let them go before they are written (hundreds of MB of text in a large archive).
    documents.length = 0;
    built.results.length = 0;
    previousBuild?.documents.clear();
    if (passages > LARGE_BUILD_PASSAGES) collectGarbage();
    const summary = {
      documents: documentCount,
      dates,
      passages,
      words,
      skipped,
      indexBytes: Object.values(served).reduce((sum, contents) => sum + countBytes(contents), 0),
    };
    const cache = newBuildCache({ checkedAt, inputHash, built: summary, files, documents: cachedDocuments });
    await writeIndexAtomically(options.indexDir, {
      [INDEX_FILES.termIndex]: served[INDEX_FILES.termIndex],
      [INDEX_FILES.documents]: served[INDEX_FILES.documents],
      [INDEX_FILES.texts]: served[INDEX_FILES.texts],
      [INDEX_FILES.extractCache]: JSON.stringify(cache),
      // The manifest goes last: its presence says the other files were written.
      [INDEX_FILES.manifest]: served[INDEX_FILES.manifest],
    });
    return { ...runReport, ...summary, documentsBuilt: built.documentsBuilt, unchanged: false, durationMs: performance.now() - startedAt };
  } finally {
    await workers?.close();
  }
}

const countBytes = (contents: FileContents): number =>
  typeof contents === 'string' || contents instanceof Uint8Array ? Buffer.byteLength(contents) : contents.reduce((sum, part) => sum + part.length, 0);

/** The manifest's file list: each file that gave documents, with its hash and its documents' ids. */
function listFiles(documents: readonly StoredDocument[], fileOfDocument: Map<string, string>, files: Record<string, CachedFile>): IndexedFile[] {
  const idsByFile = new Map<string, string[]>();
  for (const { path } of documents) {
    const file = fileOfDocument.get(path)!;
    const ids = idsByFile.get(file) ?? [];
    ids.push(documentId(path));
    idsByFile.set(file, ids);
  }
  return [...idsByFile].map(([path, ids]) => ({ path, sha256: files[path]!.sha256, docId: ids[0]!, ...(ids.length > 1 ? { documentIds: ids } : {}) }));
}
