import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../../indexer/analyzer/index.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type IndexManifest, type StoredDocument, type StoredPassage } from '../../indexer/index/index-format.ts';
import type { TermIndex } from '../../indexer/index/term-index.ts';
import { parseTermIndex } from '../../indexer/index/term-index-file.ts';
import { findDocumentsProblem, findManifestProblem } from './check-index-shape.ts';

/** A passage with the document it belongs to: what the search returns. */
export interface PassageEntry {
  passage: StoredPassage;
  document: StoredDocument;
}

/** An index loaded in memory, ready to search. */
export interface LoadedIndex {
  manifest: IndexManifest;
  /** The inverted index; its passage numbers index `entries`. */
  terms: TermIndex;
  /** Every passage, numbered as in `terms`: document order, then passage order. */
  entries: PassageEntry[];
  documents: Map<string, StoredDocument>;
  passages: Map<string, PassageEntry>;
  /** Display names of the sources, by source id. */
  sourceNames: Map<string, string>;
}

/** Why an index cannot be served, in words that say what to do about it. */
export class IndexLoadError extends Error {
  constructor(
    readonly code: 'index_missing' | 'index_corrupt' | 'index_incompatible',
    message: string,
  ) {
    super(message);
    this.name = 'IndexLoadError';
  }
}

async function readIndexText(indexDir: string, fileName: string): Promise<string> {
  try {
    return await readFile(join(indexDir, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new IndexLoadError('index_missing', `No index at ${indexDir} (${fileName} is missing). Build one with: npm run index -- --index ${indexDir}`);
    }
    throw error;
  }
}

async function readIndexJson(indexDir: string, fileName: string): Promise<unknown> {
  const raw = await readIndexText(indexDir, fileName);
  try {
    return JSON.parse(raw);
  } catch {
    throw new IndexLoadError('index_corrupt', `The index file ${join(indexDir, fileName)} is damaged (not valid JSON). Rebuild it with: npm run index -- --index ${indexDir}`);
  }
}

function refuseDamaged(indexDir: string, fileName: string, problem: string | undefined): void {
  if (problem === undefined) return;
  throw new IndexLoadError('index_corrupt', `The index file ${join(indexDir, fileName)} is damaged (${problem}). Rebuild it with: npm run index -- --index ${indexDir}`);
}

/** Loads and checks the index in `indexDir`; refuses one built by another format or analyzer. */
export async function loadIndex(indexDir: string): Promise<LoadedIndex> {
  const manifestJson = await readIndexJson(indexDir, INDEX_FILES.manifest);
  refuseDamaged(indexDir, INDEX_FILES.manifest, findManifestProblem(manifestJson));
  const manifest = manifestJson as IndexManifest;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    throw new IndexLoadError(
      'index_incompatible',
      `The index at ${indexDir} was built with format ${manifest.formatVersion} / analyzer ${manifest.analyzerVersion}; ` +
        `this server needs format ${INDEX_FORMAT_VERSION} / analyzer ${ANALYZER_VERSION}. Rebuild it with: npm run index -- --index ${indexDir}`,
    );
  }
  const documentsJson = await readIndexJson(indexDir, INDEX_FILES.documents);
  refuseDamaged(indexDir, INDEX_FILES.documents, findDocumentsProblem(documentsJson));
  const documentList = documentsJson as StoredDocument[];
  let terms: TermIndex;
  try {
    terms = parseTermIndex(await readFile(join(indexDir, INDEX_FILES.termIndex)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new IndexLoadError('index_missing', `No index at ${indexDir} (${INDEX_FILES.termIndex} is missing). Build one with: npm run index -- --index ${indexDir}`);
    }
    throw new IndexLoadError('index_corrupt', `The search index in ${indexDir} cannot be loaded (${(error as Error).message}). Rebuild it with: npm run index -- --index ${indexDir}`);
  }
  const index = assembleLoadedIndex(manifest, documentList, terms);
  if (index.entries.length !== terms.passageCount) {
    throw new IndexLoadError('index_corrupt', `The index in ${indexDir} is inconsistent (${index.entries.length} stored passages, ${terms.passageCount} indexed). Rebuild it with: npm run index -- --index ${indexDir}`);
  }
  return index;
}

/** Puts the parts of an index together, with the lookups the server needs. */
export function assembleLoadedIndex(manifest: IndexManifest, documentList: readonly StoredDocument[], terms: TermIndex): LoadedIndex {
  const documents = new Map<string, StoredDocument>();
  const passages = new Map<string, PassageEntry>();
  const entries: PassageEntry[] = [];
  const sourceNames = new Map<string, string>();
  for (const document of documentList) {
    documents.set(document.id, document);
    sourceNames.set(document.source, document.sourceName);
    for (const passage of document.passages) {
      const entry = { passage, document };
      passages.set(passage.id, entry);
      entries.push(entry);
    }
  }
  return { manifest, terms, entries, documents, passages, sourceNames };
}
