import { findSpeakerLabel } from '../chunk/find-paragraphs.ts';

const HEADING_MAX_WORDS = 20;
const FALLBACK_TITLE_WORDS = 10;

/**
 * A title for a document the catalog does not name: its first line when that reads like a heading
 * (short, not a sentence, not a speaker's turn); otherwise the opening words of the text.
 */
export function inferTitle(text: string, fallback: string): string {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine === '') return fallback;
  const words = firstLine.split(/\s+/);
  const isHeading = words.length <= HEADING_MAX_WORDS && !/[.;,]$/.test(firstLine) && findSpeakerLabel(firstLine) === undefined;
  if (isHeading) return firstLine;
  const body = firstLine.replace(/^[^:]*:\s+/, (label) => (findSpeakerLabel(label) === undefined ? label : ''));
  const opening = body.split(/\s+/).slice(0, FALLBACK_TITLE_WORDS).join(' ').replace(/[\s,;:.–—-]+$/, '');
  return body.split(/\s+/).length > FALLBACK_TITLE_WORDS ? `${opening}…` : opening;
}
