import type { Catalog } from '../corpus/catalog.ts';
import { linesWithHashes } from '../clean/find-recurring-lines.ts';
import { buildDocument } from '../document/build-document.ts';
import type { ExtractedText } from '../extract/extracted-text.ts';
import { analyzeDocument, type DocumentAnalysis, type Vocabulary } from './analyze-document.ts';
import type { StoredDocument } from '../index/index-format.ts';

/** Everything a document is built from: the same job gives the same document on any thread. */
export interface DocumentJob {
  text: ExtractedText;
  /** The catalog's entries for this document and its source only. */
  catalog: Catalog;
  corpusName: string;
  /** Digests (`hashLineKey`) of the lines that recur across the document's source. */
  chromeHashes: string[];
}

export type DocumentJobResult = { ok: true; document: StoredDocument; analysis: DocumentAnalysis } | { ok: false; reason: string };

/**
 * Cleans, labels and cuts one extracted text, then analyzes its passages with the thread's vocabulary
 * (the jobs of one thread are merged in the order they ran).
 */
export function runDocumentJob(job: DocumentJob, vocabulary: Vocabulary): DocumentJobResult {
  const sourceChrome = linesWithHashes(job.text.pages.join('\n'), new Set(job.chromeHashes));
  const built = buildDocument(job.text, { catalog: job.catalog, corpusName: job.corpusName, sourceChrome });
  if (!built.ok) return built;
  return { ok: true, document: built.document, analysis: analyzeDocument(built.document, vocabulary) };
}
