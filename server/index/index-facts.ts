import { analyzeWords } from '../query/analyze-words.ts';
import { buildVocabulary, type Vocabulary } from '../suggest/build-vocabulary.ts';
import type { LoadedIndex } from './load-index.ts';

/** Structures derived from a loaded index for filters, suggestions and citations; built once per index. */
export interface IndexFacts {
  vocabulary: Vocabulary;
  /** Analyzed words of each document's title, by document id. */
  titleTerms: Map<string, Set<string>>;
  /** Analyzed words of each speaker label, by label. */
  speakerTerms: Map<string, Set<string>>;
  /** Analyzed words of each source's id and display name, by source id. */
  sourceTerms: Map<string, Set<string>>;
}

// Keyed by the index object, so a reloaded index gets fresh facts and the old ones are collected with it.
const cache = new WeakMap<LoadedIndex, IndexFacts>();

const termSet = (...texts: string[]) => new Set(texts.flatMap((text) => analyzeWords(text).map((word) => word.term)));

/** The facts of an index, built on first use (the vocabulary reads every passage once). */
export function getIndexFacts(index: LoadedIndex): IndexFacts {
  const cached = cache.get(index);
  if (cached) return cached;
  const titleTerms = new Map<string, Set<string>>();
  const speakerTerms = new Map<string, Set<string>>();
  const sourceTerms = new Map<string, Set<string>>();
  for (const document of index.documents.values()) {
    titleTerms.set(document.id, termSet(document.title));
    if (!sourceTerms.has(document.source)) sourceTerms.set(document.source, termSet(document.source, document.sourceName));
    for (const { speaker } of document.passages) {
      if (speaker !== undefined && !speakerTerms.has(speaker)) speakerTerms.set(speaker, termSet(speaker));
    }
  }
  const facts: IndexFacts = { vocabulary: buildVocabulary(index.terms), titleTerms, speakerTerms, sourceTerms };
  cache.set(index, facts);
  return facts;
}
