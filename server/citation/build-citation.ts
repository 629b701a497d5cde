import type { Citation, CitationStyle } from '../api/types.ts';
import type { EngineEntry } from '../engine/search-engine.ts';
import { gatherCitationFacts, type CitationFacts } from './citation-facts.ts';
import { formatCitation, type FormattedCitation } from './format-citation.ts';

export { passagePermalink } from './citation-facts.ts';

export const CITATION_STYLES: readonly CitationStyle[] = ['apa', 'chicago', 'mla', 'text', 'markdown'];

/**
 * How to cite a passage: what is known of it (who, what, when, where) and its reference in every
 * style. The server module other features call (a quote check cites the passage it found); the same
 * for every engine, since it is built from the passage's labels above the engine seam.
 */
export async function buildCitation(entry: EngineEntry, passageText: string, publicUrl: string, today = new Date()): Promise<Citation> {
  const facts = gatherCitationFacts(entry, passageText, publicUrl);
  const references = await Promise.all(CITATION_STYLES.map(async (style) => [style, (await formatCitation(facts, style, today)).reference] as const));
  const formatted = Object.fromEntries(references) as Citation['formatted'];
  return { ...describeFacts(facts), formatted };
}

/** One passage (or words selected in it) cited in one style, as the copy menu puts it on the clipboard. */
export async function citePassage(entry: EngineEntry, passageText: string, style: CitationStyle, publicUrl: string, quote?: string, today = new Date()): Promise<FormattedCitation & { facts: CitationFacts }> {
  const facts = gatherCitationFacts(entry, passageText, publicUrl, quote);
  return { ...(await formatCitation(facts, style, today)), facts };
}

/** A passage's citation without formatted strings (cheap: no CSL processor), for answers that only show who, what, when and where. */
export function describeCitation(entry: EngineEntry, passageText: string, publicUrl: string): Omit<Citation, 'formatted'> {
  return describeFacts(gatherCitationFacts(entry, passageText, publicUrl));
}

/** The structured part of `Citation`. */
export function describeFacts(facts: CitationFacts): Omit<Citation, 'formatted'> {
  return {
    title: facts.title,
    source: facts.sourceName,
    sourceId: facts.sourceId,
    author: facts.author,
    ...(facts.kind === undefined ? {} : { kind: facts.kind }),
    ...(facts.container === undefined ? {} : { container: facts.container }),
    ...(facts.speaker === undefined ? {} : { speaker: facts.speaker, speakerName: facts.speakerName! }),
    ...(facts.date === undefined ? {} : { date: facts.date }),
    ...(facts.url === undefined ? {} : { url: facts.url }),
    permalink: facts.permalink,
    ...(facts.page === undefined ? {} : { page: facts.page }),
  };
}
