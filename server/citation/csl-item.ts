import { labelKind } from '../../indexer/document/kind-labels.ts';
import { sourceNamesAuthor, type CitationFacts } from './citation-facts.ts';

/** The styles formatted by the CSL processor. */
export type CslStyle = 'apa' | 'chicago' | 'mla';

/** The CSL-JSON fields Passim fills (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: 'speech' | 'document' | 'webpage';
  title: string;
  author: ({ family: string; given?: string; suffix?: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  'event-date'?: { 'date-parts': number[][] };
  genre?: string;
  event?: string;
  'event-title'?: string;
  'container-title'?: string;
  publisher?: string;
  URL: string;
  page?: string;
}

/** Kinds that are something said aloud: CSL's `speech`, with the occasion as its event. */
const SPOKEN = new Set(['speech', 'transcript', 'interview', 'press availability', 'briefing', 'remarks']);

/** `2021-03-30` → `[[2021, 3, 30]]`. */
export function dateParts(date: string): { 'date-parts': number[][] } {
  return { 'date-parts': [date.split('-').map(Number)] };
}

/**
 * The CSL-JSON item of a citation: the author as a person or an organization, the kind as CSL type and
 * genre (a passage's speaker in a transcript as "Remarks by …"), the container as the event of a
 * speech or the container of anything else (unless the title names it already), the source as publisher when it is not the author
 * already, the date; undated items carry the day they were cited (APA's "Retrieved …").
 */
export function buildCslItem(facts: CitationFacts, today: Date, style?: CslStyle): CslItem {
  const spoken = facts.kind !== undefined && SPOKEN.has(facts.kind);
  const genre = facts.speakerName !== undefined && !('family' in facts.author) ? `Remarks by ${facts.speakerName}` : facts.kind === undefined ? undefined : labelKind(facts.kind);
  const isPublisher = !('organization' in facts.author && facts.author.organization === facts.sourceName) && !sourceNamesAuthor(facts);
  return {
    id: facts.passageId,
    type: spoken || facts.speakerName !== undefined ? 'speech' : 'document',
    title: facts.title,
    author: ['organization' in facts.author ? { literal: facts.author.organization } : facts.author],
    ...(facts.date === undefined ? { accessed: dateParts(today.toISOString().slice(0, 10)) } : { issued: dateParts(facts.date) }),
    // MLA dates a speech by its event; APA and Chicago would print the date a second time.
    ...(spoken && style === 'mla' && facts.date !== undefined ? { 'event-date': dateParts(facts.date) } : {}),
    ...(genre === undefined ? {} : { genre }),
    // A title that already names the container ("State of the Union Address, 1941") is not followed by it again.
    ...(facts.container === undefined || facts.title.toLowerCase().includes(facts.container.toLowerCase())
      ? {}
      : spoken
        ? { event: facts.container, 'event-title': facts.container }
        : { 'container-title': facts.container }),
    ...(isPublisher ? { publisher: facts.sourceName } : {}),
    URL: facts.selected ? facts.quoteLink : (facts.url ?? facts.permalink),
    ...(facts.page === undefined ? {} : { page: String(facts.page) }),
  };
}
