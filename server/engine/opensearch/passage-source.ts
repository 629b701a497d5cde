import type { PassageSource as WrittenPassage } from '../../../indexer/opensearch/opensearch-documents.ts';
import type { DocumentLabels, EngineEntry } from '../search-engine.ts';
import type { SendRequest } from './opensearch-transport.ts';

/** A passage document of the passage index, as the build writes it (`_source`). */
export type PassageSource = WrittenPassage;

/**
 * The labels of these documents as stored (the document without its text and passages): every label a
 * citation may use (author, date and where it came from…), read from the documents index in one request.
 */
export async function readDocumentLabels(send: SendRequest, index: string, ids: readonly string[]): Promise<Map<string, DocumentLabels>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const answer = await send<{ docs: { _id: string; found: boolean; _source?: DocumentLabels }[] }>('POST', `/${index}/_mget?_source_excludes=text,passages,contentKey`, { ids: unique });
  return new Map(answer.docs.flatMap((doc) => (doc.found && doc._source ? [[doc._id, doc._source] as const] : [])));
}

/** The passage and its document's labels (as stored, when known), as the term index holds them. */
export function toEngineEntry(source: PassageSource, labels?: DocumentLabels): EngineEntry {
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
    document: labels ?? {
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
