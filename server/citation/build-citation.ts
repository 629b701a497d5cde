import type { Citation } from '../api/types.ts';
import type { EngineEntry } from '../engine/search-engine.ts';
import { displaySpeaker, formatCitation } from './format-citation.ts';

/**
 * Links to a passage in the Passim client (`/?doc=…&passage=…`, the reader's URL). Built from ids that
 * derive from the file's corpus path and the passage's position, so the link survives a rebuild of
 * an unchanged document.
 */
export function passagePermalink(baseUrl: string, docId: string, passageId: string): string {
  return `${baseUrl}/?doc=${encodeURIComponent(docId)}&passage=${encodeURIComponent(passageId)}`;
}

/** The citation of a passage: what is known about where it comes from, and ready-made strings. */
export function buildCitation({ document, passage }: EngineEntry, baseUrl: string): Citation {
  const fields = {
    title: document.title,
    source: document.sourceName,
    sourceId: document.source,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker, speakerName: passage.speakerName ?? displaySpeaker(passage.speaker) }),
    ...(document.date === undefined ? {} : { date: document.date }),
    ...(document.url === undefined ? {} : { url: document.url }),
    permalink: passagePermalink(baseUrl, document.id, passage.id),
    ...(passage.page === undefined ? {} : { page: passage.page }),
  };
  return { ...fields, formatted: formatCitation(fields) };
}

/** The last citation built for each passage, with the address it was built for. */
const remembered = new WeakMap<EngineEntry, { baseUrl: string; citation: Citation }>();

/**
 * `buildCitation`, remembered per passage: the same passages come back on every keystroke of a
 * search, and their citations only change with the address the client reaches the server at.
 * The citation is shared between answers: it is serialized, never changed.
 */
export function citePassage(entry: EngineEntry, baseUrl: string): Citation {
  const known = remembered.get(entry);
  if (known?.baseUrl === baseUrl) return known.citation;
  const citation = buildCitation(entry, baseUrl);
  remembered.set(entry, { baseUrl, citation });
  return citation;
}
