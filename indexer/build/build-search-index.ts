import { analyzeDocument, Vocabulary } from './analyze-document.ts';
import type { StoredDocument } from '../index/index-format.ts';
import type { TermIndex } from '../index/term-index.ts';
import { TermIndexBuilder } from './term-index-builder.ts';

/** The search index of every passage of these documents, in one thread (a build spreads the analysis over threads). */
export function buildSearchIndex(documents: readonly StoredDocument[]): TermIndex {
  const builder = new TermIndexBuilder();
  const vocabulary = new Vocabulary();
  let passage = 0;
  for (const document of documents) {
    builder.add(passage, analyzeDocument(document, vocabulary));
    passage += document.passages.length;
  }
  return builder.finish(passage);
}
