import type { Options } from 'minisearch';
import { normalizeTerm, tokenize } from '../analyzer/index.ts';

/** What MiniSearch indexes for one passage. */
export interface IndexedPassage {
  id: string;
  text: string;
  title: string;
}

/**
 * The MiniSearch options, defined once: MiniSearch needs the same options to load an index that it
 * was built with, and a term must be analyzed the same way on both sides.
 */
export const SEARCH_INDEX_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['text', 'title'],
  // Passage data lives in the passage store; the index holds only what it needs to score.
  storeFields: [],
  tokenize,
  processTerm: normalizeTerm,
};
