import type { DocumentResponse, PassageRef, SearchHit } from '../../../server/api/types.ts';

/**
 * What the desk shows of a passage it can cite and collect: hits, reader passages and collected
 * passages all become one. The citation itself comes from the server, by the passage's id.
 */
export interface CitablePassage {
  /** Passage id. */
  id: string;
  docId: string;
  /** The passage's exact words. */
  text: string;
  title: string;
  /** Source id. */
  source: string;
  sourceName: string;
  speaker?: string;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  date?: string;
  /** The document's original address. */
  url?: string;
  /** 1-based page of a paged source. */
  page?: number;
}

export function citableFromHit(hit: SearchHit): CitablePassage {
  return withoutUndefined({
    id: hit.id,
    docId: hit.docId,
    text: hit.text,
    title: hit.title,
    source: hit.source,
    sourceName: hit.sourceName,
    speaker: hit.speaker,
    date: hit.date,
  });
}

export function citableFromReader(document: DocumentResponse, passage: PassageRef): CitablePassage {
  return withoutUndefined({
    id: passage.id,
    docId: document.id,
    text: document.text.slice(passage.start, passage.end),
    title: document.title,
    source: document.source,
    sourceName: document.sourceName,
    speaker: passage.speaker,
    date: document.date,
  });
}

/** Leaves absent fields out, so stored and compared passages carry no `undefined` keys. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
