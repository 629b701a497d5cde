import type { DocumentRecord } from '../../indexer/index/index-format.ts';
import { findWordTerms } from '../query/find-word-terms.ts';
import { buildVocabulary, type Vocabulary } from '../suggest/build-vocabulary.ts';
import type { LoadedIndex } from './loaded-index.ts';
import type { WorkSlices } from './work-slices.ts';

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

type LabelFacts = Omit<IndexFacts, 'vocabulary'>;

// Keyed by the index object, so a reloaded index gets fresh facts and the old ones are collected with it.
const cache = new WeakMap<LoadedIndex, IndexFacts>();

const termSet = (...texts: string[]) => new Set(texts.flatMap((text) => findWordTerms(text).map((word) => word.term)));

function addLabelFacts(facts: LabelFacts, document: DocumentRecord): void {
  facts.titleTerms.set(document.id, termSet(document.title));
  if (!facts.sourceTerms.has(document.source)) facts.sourceTerms.set(document.source, termSet(document.source, document.sourceName));
  for (const { speaker } of document.passages) {
    if (speaker !== undefined && !facts.speakerTerms.has(speaker)) facts.speakerTerms.set(speaker, termSet(speaker));
  }
}

const emptyLabelFacts = (): LabelFacts => ({ titleTerms: new Map(), speakerTerms: new Map(), sourceTerms: new Map() });

/** The facts of an index: those prepareIndexFacts built when it was loaded, or built now (an index assembled in memory). */
export function getIndexFacts(index: LoadedIndex): IndexFacts {
  const cached = cache.get(index);
  if (cached) return cached;
  const labels = emptyLabelFacts();
  for (const document of index.documents.values()) addLabelFacts(labels, document);
  const facts: IndexFacts = { ...labels, vocabulary: buildVocabulary(index.terms) };
  cache.set(index, facts);
  return facts;
}

/** Builds the facts of an index a document at a time, pausing between slices, before it is served. */
export async function prepareIndexFacts(index: LoadedIndex, slices: WorkSlices): Promise<void> {
  if (cache.has(index)) return;
  const labels = emptyLabelFacts();
  for (const document of index.documents.values()) {
    addLabelFacts(labels, document);
    if (slices.due()) await slices.pause();
  }
  await slices.pause();
  // One step: the vocabulary has one entry per distinct word, which does not grow with the archive as passages do.
  cache.set(index, { ...labels, vocabulary: buildVocabulary(index.terms) });
}
