import type { CitablePassage } from './citable-passage.ts';
import { formatApaDate, formatApaYear, formatLongDate } from './format-date.ts';
import { formatTextFragmentLink } from './text-fragment.ts';

export type CitationFormat = 'text' | 'markdown' | 'apa';

/** Each format with its name in a sentence ("Copy as plain text") and on the narrow format button. */
export const CITATION_FORMATS: readonly { format: CitationFormat; label: string; short: string }[] = [
  { format: 'text', label: 'plain text', short: 'Text' },
  { format: 'markdown', label: 'Markdown', short: 'MD' },
  { format: 'apa', label: 'APA style', short: 'APA' },
];

/** A link that opens the reader at the passage. */
export function formatPassageLink(passage: Pick<CitablePassage, 'docId' | 'id'>, origin: string): string {
  const params = new URLSearchParams({ doc: passage.docId, passage: passage.id });
  return `${origin}/?${params}`;
}

/** The original page scrolled to the passage's words, when the document has an address. */
export function formatOriginalLink(passage: CitablePassage): string | undefined {
  return passage.url === undefined ? undefined : formatTextFragmentLink(passage.url, passage.text);
}

/** The passage's exact words with a citation, in one of the formats people paste into their writing. */
export function formatCitation(passage: CitablePassage, origin: string, format: CitationFormat = 'text'): string {
  switch (format) {
    case 'text':
      return formatPlainCitation(passage, origin);
    case 'markdown':
      return formatMarkdownCitation(passage, origin);
    case 'apa':
      return `${formatApaQuote(passage)}\n\n${formatApaReference(passage, origin)}`;
  }
}

/**
 *   “<passage text>”
 *   — <title>, <sourceName>[, <date>]. <passage link>
 *   Original: <url#:~:text=…>          (when the document has an original address)
 */
export function formatPlainCitation(passage: CitablePassage, origin: string): string {
  const original = formatOriginalLink(passage);
  const citation = `“${passage.text}”\n— ${describeSource(passage)}. ${formatPassageLink(passage, origin)}`;
  return original ? `${citation}\nOriginal: ${original}` : citation;
}

/** A block quote followed by a linked attribution; blank lines inside the passage stay inside the quote. */
export function formatMarkdownCitation(passage: CitablePassage, origin: string): string {
  const quote = passage.text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line.trimEnd()}`))
    .join('\n');
  const title = `[${escapeMarkdown(passage.title)}](${formatPassageLink(passage, origin)})`;
  const rest = [passage.sourceName, passage.date && formatLongDate(passage.date)].filter(Boolean).map((part) => escapeMarkdown(String(part)));
  const original = formatOriginalLink(passage);
  const attribution = `— ${[title, ...rest].join(', ')}${original ? ` ([original](${original}))` : ''}`;
  return `${quote}\n>\n> ${attribution}`;
}

/** APA's in-text form: the quotation followed by (Author, Year). */
export function formatApaQuote(passage: CitablePassage): string {
  const page = passage.page === undefined ? '' : `, p. ${passage.page}`;
  return `“${passage.text.trim()}” (${passage.sourceName}, ${formatApaYear(passage.date)}${page})`;
}

/**
 * An APA-style reference: the organization as author, the date, the title, the
 * speaker when known, and the original address (or the passage link when there is none).
 *
 *   U.S. Department of State. (2021, March 30). Secretary Blinken … [Remarks by Antony Blinken]. https://…
 */
export function formatApaReference(passage: CitablePassage, origin: string): string {
  const speaker = passage.speaker ? ` [Remarks by ${formatSpeakerName(passage.speaker)}]` : '';
  const link = passage.url ?? formatPassageLink(passage, origin);
  return `${passage.sourceName}. ${formatApaDate(passage.date)}. ${passage.title}${speaker}. ${link}`;
}

/**
 * Transcripts label turns in capitals (`FOREIGN MINISTER WILMES:`); a reference names the
 * speaker as a name is written. A name with any lower-case letter is kept as it is.
 */
export function formatSpeakerName(speaker: string): string {
  if (/\p{Ll}/u.test(speaker)) return speaker;
  return speaker.toLocaleLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toLocaleUpperCase());
}

function describeSource(passage: CitablePassage): string {
  return [passage.title, passage.sourceName, passage.date && formatLongDate(passage.date)].filter(Boolean).join(', ');
}

/** Brackets in a title would end the link text early. */
function escapeMarkdown(text: string): string {
  return text.replace(/[[\]\\*_`]/g, (char) => `\\${char}`);
}
