import type { StoredDocument } from '../index/index-format.ts';
import { readBuiltIndex } from '../index/read-built-index.ts';
import type { TermIndex } from '../index/term-index.ts';

/** A previous index's documents, by path, each with the number of its first passage, and its term index. */
export interface PreviousBuild {
  documents: Map<string, { document: StoredDocument; firstPassage: number }>;
  termIndex: TermIndex;
}

/** The index in `indexDir` as an incremental build reuses it; undefined when it cannot be read (then nothing is reused). */
export async function readPreviousBuild(indexDir: string): Promise<PreviousBuild | undefined> {
  try {
    const built = await readBuiltIndex(indexDir);
    const documents = new Map<string, { document: StoredDocument; firstPassage: number }>();
    let firstPassage = 0;
    for (const document of built.documents) {
      documents.set(document.path, { document, firstPassage });
      firstPassage += document.passages.length;
    }
    return { documents, termIndex: built.terms };
  } catch {
    return undefined;
  }
}
