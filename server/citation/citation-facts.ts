import type { CitationAuthor } from '../api/types.ts';
import type { EngineEntry } from '../engine/search-engine.ts';
import { formatSpeakerName } from '../../indexer/document/format-speaker-name.ts';
import { formatTextFragmentLink } from './text-fragment.ts';

/**
 * Everything a citation of a passage (or of words selected in it) is built from, once, for every
 * style and export: who, what, when, where, and the words quoted. Absent fields are unknown.
 */
export interface CitationFacts {
  passageId: string;
  docId: string;
  title: string;
  /** The title is a description ("State of the Union address, 1941"), not one the document gives itself. */
  describedTitle: boolean;
  author: CitationAuthor;
  /** Source display name and id. */
  sourceName: string;
  sourceId: string;
  /** The speaker of the passage in a transcript, as written ("SECRETARY BLINKEN") and as a name ("Secretary Blinken"). */
  speaker?: string;
  speakerName?: string;
  /** `speech`, `press release`, `transcript`, … */
  kind?: string;
  container?: string;
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  /** The document's original address. */
  url?: string;
  /** The passage in Passim, on the public address. */
  permalink: string;
  /** The quoted words, scrolled to and highlighted (a text fragment): on the original when known, else in Passim. */
  quoteLink: string;
  /** The passage in Passim, scrolled to the quoted words when only some are quoted. */
  passageLink: string;
  page?: number;
  /** The words quoted: the whole passage, or the selection within it. */
  quote: string;
  /** Only some words of the passage are quoted: links point at them. */
  selected: boolean;
}

/** Links to a passage in the Passim client (`/?doc=…&passage=…`, the reader's URL), on the public address. */
export function passagePermalink(publicUrl: string, docId: string, passageId: string): string {
  return `${publicUrl}/?doc=${encodeURIComponent(docId)}&passage=${encodeURIComponent(passageId)}`;
}

/** The facts of a passage's citation; `quote` is the selected words when only some are cited. */
export function gatherCitationFacts({ document, passage }: EngineEntry, passageText: string, publicUrl: string, quote?: string): CitationFacts {
  const permalink = passagePermalink(publicUrl, document.id, passage.id);
  const quoted = (quote ?? passageText).trim();
  return {
    passageId: passage.id,
    docId: document.id,
    title: document.title,
    describedTitle: document.titleSource === 'described',
    author: document.author ?? { organization: document.sourceName },
    sourceName: document.sourceName,
    sourceId: document.source,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker, speakerName: passage.speakerName ?? formatSpeakerName(passage.speaker) }),
    ...(document.kind === undefined ? {} : { kind: document.kind }),
    ...(document.container === undefined ? {} : { container: document.container }),
    ...(document.date === undefined ? {} : { date: document.date }),
    ...(document.url === undefined ? {} : { url: document.url }),
    permalink,
    quoteLink: formatTextFragmentLink(document.url ?? permalink, quoted),
    passageLink: quote === undefined ? permalink : formatTextFragmentLink(permalink, quoted),
    ...(passage.page === undefined ? {} : { page: passage.page }),
    quote: quoted,
    selected: quote !== undefined,
  };
}

/** "Franklin D. Roosevelt", "U.S. Department of State". */
export function authorName(author: CitationAuthor): string {
  if ('organization' in author) return author.organization;
  return [author.given, author.family].filter(Boolean).join(' ') + (author.suffix ? `, ${author.suffix}` : '');
}

/** Whether the source's display name is only the author's name again (a folder named after a person). */
export function sourceNamesAuthor(facts: CitationFacts): boolean {
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  return letters(facts.sourceName) === letters(authorName(facts.author)) || letters(facts.sourceName) === letters(facts.sourceId.replace(/[-_]/g, ' ')) && !('organization' in facts.author);
}
