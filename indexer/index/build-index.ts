import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION } from '../analyzer/index.ts';
import { readCatalog } from '../corpus/catalog.ts';
import { listCorpusFiles } from '../corpus/list-corpus-files.ts';
import { decodeTextFile } from '../corpus/decode-text-file.ts';
import { buildDocument } from '../document/build-document.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type IndexManifest, type IndexedFile, type SkippedFile, type StoredDocument } from './index-format.ts';
import { SEARCH_INDEX_OPTIONS, type IndexedPassage } from './search-options.ts';
import { writeIndexAtomically } from './write-index.ts';

/** File extensions read as plain text. Other formats are reported and skipped. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

export interface BuildIndexOptions {
  corpusDir: string;
  indexDir: string;
  /** Called once per problem (a skipped file, a broken catalog), with a one-line message. */
  onProblem?: (message: string) => void;
}

export interface BuildReport {
  filesRead: number;
  documents: number;
  passages: number;
  words: number;
  skipped: SkippedFile[];
  /** Problems that are not about one file (the catalog). */
  warnings: string[];
  indexBytes: number;
  durationMs: number;
}

/** Reads a corpus folder and writes a complete index for it to `indexDir`, atomically. */
export async function buildIndex(options: BuildIndexOptions): Promise<BuildReport> {
  const startedAt = performance.now();
  const corpusDir = resolve(options.corpusDir);
  const corpusName = basename(corpusDir);
  const report = (message: string) => options.onProblem?.(message);

  const { catalog, problem } = await readCatalog(corpusDir);
  const warnings = problem ? [problem] : [];
  if (problem) report(problem);

  const listing = await listCorpusFiles(corpusDir);
  const skipped: SkippedFile[] = listing.unreadable.map(({ path, reason }) => ({ path, reason: `folder not readable: ${reason}` }));
  const documents: StoredDocument[] = [];
  const files: IndexedFile[] = [];

  for (const file of listing.files) {
    const skip = (reason: string) => {
      skipped.push({ path: file.path, reason });
      report(`skipped ${file.path}: ${reason}`);
    };
    const extension = extname(file.path).toLowerCase();
    if (!TEXT_EXTENSIONS.has(extension)) {
      skip(`unsupported format "${extension || '(no extension)'}" (supported: ${[...TEXT_EXTENSIONS].join(', ')})`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file.absolutePath);
    } catch (error) {
      skip(`cannot read: ${(error as Error).message}`);
      continue;
    }
    const decoded = decodeTextFile(bytes);
    if (!decoded.ok) {
      skip(decoded.reason);
      continue;
    }
    const built = buildDocument({ path: file.path, rawText: decoded.text, corpusName }, catalog);
    if (!built.ok) {
      skip(built.reason);
      continue;
    }
    documents.push(built.document);
    files.push({ path: file.path, sha256: createHash('sha256').update(bytes).digest('hex'), docId: built.document.id });
  }

  const searchIndex = new MiniSearch<IndexedPassage>(SEARCH_INDEX_OPTIONS);
  // The title is indexed with a document's first passage only: on every passage it would make each
  // of them match a title word that its text does not show.
  for (const document of documents) {
    searchIndex.addAll(
      document.passages.map((passage) => ({ id: passage.id, text: document.text.slice(passage.start, passage.end), title: passage.ordinal === 0 ? document.title : '' })),
    );
  }

  const passages = documents.reduce((sum, document) => sum + document.passages.length, 0);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    builtAt: new Date().toISOString(),
    documentCount: documents.length,
    passageCount: passages,
    files,
    skipped,
  };
  const contents = {
    [INDEX_FILES.searchIndex]: JSON.stringify(searchIndex),
    [INDEX_FILES.documents]: JSON.stringify(documents),
    // The manifest goes last: its presence says the other files were written.
    [INDEX_FILES.manifest]: JSON.stringify(manifest, null, 2),
  };
  await writeIndexAtomically(options.indexDir, contents);

  return {
    filesRead: listing.files.length,
    documents: documents.length,
    passages,
    words: documents.reduce((sum, document) => sum + document.passages.reduce((words, passage) => words + passage.wordCount, 0), 0),
    skipped,
    warnings,
    indexBytes: Object.values(contents).reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    durationMs: performance.now() - startedAt,
  };
}
