import { findSpeakerLabel } from '../chunk/find-paragraphs.ts';
import { splitSentences } from '../chunk/split-sentences.ts';

const HEADING_MAX_WORDS = 20;
const FALLBACK_TITLE_WORDS = 12;

/**
 * A title for a document the catalog does not name: its first line when that reads like a heading
 * (short, not a sentence, not a speaker's turn); otherwise its first sentence, cut to a dozen words.
 */
export function inferTitle(text: string, fallback: string): string {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine === '') return fallback;
  const label = findSpeakerLabel(firstLine);
  const isHeading = label === undefined && firstLine.split(/\s+/).length <= HEADING_MAX_WORDS && !/[.;,]$/.test(firstLine);
  if (isHeading) return firstLine;

  const body = label === undefined ? firstLine : firstLine.slice(firstLine.indexOf(':') + 1).trim();
  const first = splitSentences(body)[0];
  const sentence = first ? body.slice(first.start, first.end) : body;
  const words = sentence.split(/\s+/);
  if (words.length <= FALLBACK_TITLE_WORDS) return sentence.replace(/[.;,:]$/, '');
  return `${words.slice(0, FALLBACK_TITLE_WORDS).join(' ').replace(/[\s,;:.–—-]+$/, '')}…`;
}
