import type { PassageResponse } from '../api/types.ts';
import type { EngineEntry } from '../engine/search-engine.ts';

export type PassageFields = Pick<PassageResponse, 'id' | 'docId' | 'title' | 'source' | 'sourceName' | 'speaker' | 'ordinal' | 'start' | 'end' | 'text'>;

/** What every API answer about a passage says: its ids, its document's labels, its place and text. */
export function describePassage({ document, passage }: EngineEntry, text: string): PassageFields {
  return {
    id: passage.id,
    docId: document.id,
    title: document.title,
    source: document.source,
    sourceName: document.sourceName,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker }),
    ordinal: passage.ordinal,
    start: passage.start,
    end: passage.end,
    text,
  };
}
