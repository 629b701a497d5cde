import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FILES, type IndexManifest, type StoredDocument } from './index-format.ts';
import { readStoredDocuments } from './read-stored-documents.ts';
import type { TermIndex } from './term-index.ts';
import { parseTermIndex } from './term-index-file.ts';

/** A built Passim index, as the server serves it. */
export interface BuiltIndex {
  manifest: IndexManifest;
  documents: StoredDocument[];
  terms: TermIndex;
}

/**
 * Reads the index a build wrote to `indexDir` (manifest, documents with their texts, term index), for
 * the indexer's own later steps: an incremental build, a copy into OpenSearch. Throws when a file is
 * missing or the files do not agree on the number of passages.
 */
export async function readBuiltIndex(indexDir: string): Promise<BuiltIndex> {
  const [manifestFile, termIndexFile] = await Promise.all([INDEX_FILES.manifest, INDEX_FILES.termIndex].map((name) => readFile(join(indexDir, name))));
  const manifest = JSON.parse(manifestFile!.toString('utf8')) as IndexManifest;
  const terms = parseTermIndex(termIndexFile!);
  const documents: StoredDocument[] = [];
  for await (const document of readStoredDocuments(indexDir)) documents.push(document);
  const passages = documents.reduce((sum, document) => sum + document.passages.length, 0);
  if (passages !== terms.passageCount) throw new Error(`the index in ${indexDir} is inconsistent: ${passages} passages in its documents, ${terms.passageCount} in its term index`);
  return { manifest, documents, terms };
}
