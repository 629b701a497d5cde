import MiniSearch from 'minisearch';
import type { StoredDocument } from './index-format.ts';
import { SEARCH_INDEX_OPTIONS, type IndexedPassage } from './search-options.ts';

/** The MiniSearch index of every passage, with the shared options. */
export function buildSearchIndex(documents: readonly StoredDocument[], onDocument?: (done: number, path: string) => void): MiniSearch<IndexedPassage> {
  const searchIndex = new MiniSearch<IndexedPassage>(SEARCH_INDEX_OPTIONS);
  // The title is indexed with a document's first passage only: on every passage it would make each
  // of them match a title word that its text does not show.
  for (const [index, document] of documents.entries()) {
    searchIndex.addAll(
      document.passages.map((passage) => ({ id: passage.id, text: document.text.slice(passage.start, passage.end), title: passage.ordinal === 0 ? document.title : '' })),
    );
    onDocument?.(index + 1, document.path);
  }
  return searchIndex;
}
