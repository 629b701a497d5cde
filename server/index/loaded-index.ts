import type { IndexManifest, StoredDocument, StoredPassage } from '../../indexer/index/index-format.ts';
import type { TermIndex } from '../../indexer/index/term-index.ts';

/**
 * The shape of an index loaded in memory: a module of its own at the bottom of `server/`, so that
 * search, facets, suggestions and routes can name it without importing the loader.
 */

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
