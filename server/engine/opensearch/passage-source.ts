import type { PassageSource as WrittenPassage } from '../../../indexer/opensearch/opensearch-documents.ts';
import type { DocumentLabels, EngineEntry } from '../search-engine.ts';

/** A passage document of the passage index, as the build writes it (`_source`). */
export type PassageSource = WrittenPassage & {
  /** The document's labels as stored (StoredDocument without text and passages), when the build wrote them: every label a citation may use. */
  labels?: DocumentLabels;
};

/** The passage and its document's labels, as the term index holds them. */
export function toEngineEntry(source: PassageSource): EngineEntry {
  return {
    passage: {
      id: source.id,
      ordinal: source.ordinal,
      start: source.start,
      end: source.end,
      wordCount: source.wordCount,
      ...(source.speaker === undefined ? {} : { speaker: source.speaker }),
      ...(source.speakerName === undefined ? {} : { speakerName: source.speakerName }),
      ...(source.page === undefined ? {} : { page: source.page }),
    },
    document: source.labels ?? {
      id: source.docId,
      path: source.path,
      title: source.title,
      source: source.source,
      sourceName: source.sourceName,
      ...(source.date === undefined ? {} : { date: source.date }),
      ...(source.lang === undefined ? {} : { lang: source.lang }),
      ...(source.url === undefined ? {} : { url: source.url }),
    },
  };
}
