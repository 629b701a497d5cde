import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocumentLines } from '../index/documents-file.ts';
import { INDEX_FILES, type StoredDocument } from '../index/index-format.ts';
import type { TermIndex } from '../index/term-index.ts';
import { parseTermIndex } from '../index/term-index-file.ts';

/** A previous index's documents, by path, each with the number of its first passage, and its term index. */
export interface PreviousBuild {
  documents: Map<string, { document: StoredDocument; firstPassage: number }>;
  termIndex: TermIndex;
}

/** The index in `indexDir` as an incremental build reuses it; undefined when it cannot be read (then nothing is reused). */
export async function readPreviousBuild(indexDir: string): Promise<PreviousBuild | undefined> {
  try {
    const [documentsFile, termIndexFile] = await Promise.all([readFile(join(indexDir, INDEX_FILES.documents)), readFile(join(indexDir, INDEX_FILES.termIndex))]);
    const termIndex = parseTermIndex(termIndexFile);
    const documents = new Map<string, { document: StoredDocument; firstPassage: number }>();
    let firstPassage = 0;
    for (const document of readDocumentLines(documentsFile) as Generator<StoredDocument>) {
      documents.set(document.path, { document, firstPassage });
      firstPassage += document.passages.length;
    }
    return firstPassage === termIndex.passageCount ? { documents, termIndex } : undefined;
  } catch {
    return undefined;
  }
}
