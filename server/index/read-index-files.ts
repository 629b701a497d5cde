import { close, createReadStream, fstat, open as openFd, read } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { DocumentsFileError, hasDocumentLines, readDocumentChunks } from '../../indexer/index/documents-file.ts';
import { INDEX_FILES, type DocumentRecord } from '../../indexer/index/index-format.ts';
import type { TermIndex } from '../../indexer/index/term-index.ts';
import { parseTermIndexInSteps } from '../../indexer/index/term-index-file.ts';
import { findPassageBytesProblem, measureTextsTables, readTextsLayout, TEXTS_HEADER_BYTES, TextsFileError, type TextsLayout } from '../../indexer/index/texts-file.ts';
import { findDocumentProblem, findDocumentsProblem } from './check-index-shape.ts';
import { IndexLoadError } from './index-load-error.ts';
import type { WorkSlices } from './work-slices.ts';

const rebuild = (indexDir: string) => `npm run index -- --index ${indexDir}`;

/** What to throw for a failed read of an index file: a missing one is refused as a missing index. */
function readFailure(indexDir: string, fileName: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  return new IndexLoadError('index_missing', `No index at ${indexDir} (${fileName} is missing). Build one with: ${rebuild(indexDir)}`);
}

export function refuseDamaged(indexDir: string, fileName: string, problem: string | undefined): void {
  if (problem === undefined) return;
  throw new IndexLoadError('index_corrupt', `The index file ${join(indexDir, fileName)} is damaged (${problem}). Rebuild it with: ${rebuild(indexDir)}`);
}

/** A file of the index, read without blocking; a missing one is refused as a missing index. */
async function readIndexFile(indexDir: string, fileName: string): Promise<Buffer> {
  try {
    return await readFile(join(indexDir, fileName));
  } catch (error) {
    throw readFailure(indexDir, fileName, error);
  }
}

function parseIndexJson(indexDir: string, fileName: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new IndexLoadError('index_corrupt', `The index file ${join(indexDir, fileName)} is damaged (not valid JSON). Rebuild it with: ${rebuild(indexDir)}`);
  }
}

/** A small JSON file of the index (the manifest), parsed in one go. */
export async function readIndexJson(indexDir: string, fileName: string): Promise<unknown> {
  return parseIndexJson(indexDir, fileName, (await readIndexFile(indexDir, fileName)).toString('utf8'));
}

/** The first bytes of an index file, enough to tell its layout. */
async function readIndexFileStart(indexDir: string, fileName: string, length: number): Promise<Buffer> {
  let file;
  try {
    file = await open(join(indexDir, fileName), 'r');
  } catch (error) {
    throw readFailure(indexDir, fileName, error);
  }
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The document store, each document checked. The one-per-line layout the indexer writes is streamed
 * from the file and parsed a line at a time, pausing between slices so that requests on the served
 * index are answered meanwhile, and without the whole file in memory beside the documents; any other
 * layout of the same JSON array (a file edited by hand) is read and parsed in one go.
 */
export async function readDocumentStore(indexDir: string, slices: WorkSlices): Promise<DocumentRecord[]> {
  const fileName = INDEX_FILES.documents;
  if (!hasDocumentLines(await readIndexFileStart(indexDir, fileName, 2))) {
    const value = parseIndexJson(indexDir, fileName, (await readIndexFile(indexDir, fileName)).toString('utf8'));
    refuseDamaged(indexDir, fileName, findDocumentsProblem(value));
    return value as DocumentRecord[];
  }
  const documents: DocumentRecord[] = [];
  try {
    for await (const value of readDocumentChunks(createReadStream(join(indexDir, fileName), { highWaterMark: 1 << 20 }))) {
      refuseDamaged(indexDir, fileName, findDocumentProblem(value, documents.length));
      documents.push(value as DocumentRecord);
      if (slices.due()) await slices.pause();
    }
  } catch (error) {
    if (error instanceof DocumentsFileError) refuseDamaged(indexDir, fileName, error.message);
    throw readFailure(indexDir, fileName, error);
  }
  return documents;
}

/** The bytes of the term index file, read without blocking. */
export function readTermIndexFile(indexDir: string): Promise<Buffer> {
  return readIndexFile(indexDir, INDEX_FILES.termIndex);
}

/** The term index in the bytes of its file (its arrays are views on them), parsed with pauses between slices. */
export async function parseTermIndexFile(indexDir: string, bytes: Buffer, slices: WorkSlices): Promise<TermIndex> {
  try {
    const steps = parseTermIndexInSteps(bytes);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (slices.due()) await slices.pause();
    }
  } catch (error) {
    throw new IndexLoadError('index_corrupt', `The search index in ${indexDir} cannot be loaded (${(error as Error).message}). Rebuild it with: ${rebuild(indexDir)}`);
  }
}

/** An open texts file: its descriptor and tables. */
export interface OpenTextsFile {
  fd: number;
  layout: TextsLayout;
}

const readAt = promisify(read);

async function readTextsBytes(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  for (let done = 0; done < length; ) {
    const { bytesRead } = await readAt(fd, buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new TextsFileError('it is truncated');
    done += bytesRead;
  }
  return buffer;
}

/**
 * Opens the texts file of the index and reads its tables (8 bytes a passage), checked against the
 * documents: the texts themselves stay on disk. The file is left open for the loaded index to read from.
 */
export async function openTextsFile(indexDir: string, documents: readonly DocumentRecord[]): Promise<OpenTextsFile> {
  const fileName = INDEX_FILES.texts;
  let fd: number;
  try {
    fd = await promisify(openFd)(join(indexDir, fileName), 'r');
  } catch (error) {
    throw readFailure(indexDir, fileName, error);
  }
  try {
    const layout = readTextsLayout(await readTextsBytes(fd, 0, measureTextsTables(await readTextsBytes(fd, 0, TEXTS_HEADER_BYTES))));
    const { size } = await promisify(fstat)(fd);
    if (size !== layout.fileBytes) throw new TextsFileError(size < layout.fileBytes ? 'it is truncated' : 'it has trailing bytes');
    refuseDamaged(indexDir, fileName, findPassageBytesProblem(layout, documents.map((document) => document.passages.length)));
    return { fd, layout };
  } catch (error) {
    await promisify(close)(fd);
    if (error instanceof TextsFileError) refuseDamaged(indexDir, fileName, error.message);
    throw error;
  }
}
