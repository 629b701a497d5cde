import type { DocumentRecord, IndexManifest, StoredDocument, StoredPassage } from '../../indexer/index/index-format.ts';
import type { TermIndex } from '../../indexer/index/term-index.ts';
import type { DocumentTexts } from './document-texts.ts';

/**
 * The shape of an index loaded in memory: a module of its own at the bottom of `server/`, so that
 * search, facets, suggestions and routes can name it without importing the loader.
 */

/** A passage with the document it belongs to: what the search returns. */
export interface PassageEntry {
  passage: StoredPassage;
  document: DocumentRecord;
}

/** An index loaded in memory, ready to search. Documents' texts are not in memory: `texts` reads them. */
export interface LoadedIndex {
  manifest: IndexManifest;
  /** The inverted index; its passage numbers index `entries`. */
  terms: TermIndex;
  /** Every passage, numbered as in `terms`: document order, then passage order. */
  entries: PassageEntry[];
  documents: Map<string, DocumentRecord>;
  passages: Map<string, PassageEntry>;
  /** Display names of the sources, by source id. */
  sourceNames: Map<string, string>;
  /** The documents' texts. */
  texts: DocumentTexts;
}

/** A passage's text (`readPassageText`) and a document's (`readDocumentText`), read through the index's `texts`. */
export const readPassageText = (index: LoadedIndex, entry: PassageEntry): string => index.texts.passageText(entry.document, entry.passage);

export const readDocumentText = (index: LoadedIndex, document: DocumentRecord): string => index.texts.documentText(document);

/** A document of the index with its text, as the indexer built it. */
export const readStoredDocument = (index: LoadedIndex, document: DocumentRecord): StoredDocument => ({ ...document, text: readDocumentText(index, document) });
