import type { PassageResponse } from '../api/types.ts';
import { buildCitation } from '../citation/build-citation.ts';
import type { EngineEntry } from '../engine/search-engine.ts';
import { describePassage } from './describe-passage.ts';

/** `GET /api/passages/:id`'s answer for a passage an engine found: its fields and its citation. */
export async function presentPassage(entry: EngineEntry, text: string, baseUrl: string): Promise<PassageResponse> {
  const { document, passage } = entry;
  return {
    ...describePassage(entry, text),
    ...(document.date === undefined ? {} : { date: document.date }),
    ...(document.lang === undefined ? {} : { lang: document.lang }),
    ...(document.url === undefined ? {} : { url: document.url }),
    ...(passage.page === undefined ? {} : { page: passage.page }),
    citation: await buildCitation(entry, text, baseUrl),
  };
}
