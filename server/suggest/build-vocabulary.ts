import SearchableMap from 'minisearch/SearchableMap';
import { countTermPostings, type TermIndex } from '../../indexer/index/term-index.ts';

export interface VocabularyEntry {
  /** Passages (and titles) containing the term. */
  passages: number;
  /** How the term is most often written in the corpus (`Wilmès` for `wilmes`), to show in completions. */
  form: string;
}

/** The corpus's terms in a radix tree, for prefix completion and near-spelling look-ups. */
export type Vocabulary = SearchableMap<VocabularyEntry>;

/**
 * Every term of the passages and titles, with how many passages hold it and its usual spelling, from
 * the term index (the indexer counted the spellings): no passage is read again when a server starts.
 */
export function buildVocabulary(index: TermIndex): Vocabulary {
  const vocabulary: Vocabulary = new SearchableMap();
  index.terms.forEach((term, id) => {
    vocabulary.set(term, { passages: countTermPostings(index, id), form: index.forms[id] ?? term });
  });
  return vocabulary;
}
