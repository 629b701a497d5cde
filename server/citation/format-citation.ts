import type { CitationStyle } from '../api/types.ts';
import { authorName, sourceNamesAuthor, type CitationFacts } from './citation-facts.ts';
import { buildCslItem } from './csl-item.ts';
import { formatWithStyle } from './csl-styles.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A citation in one style: what Copy puts on the clipboard, and its parts. */
export interface FormattedCitation {
  /** The quoted words with the citation, as pasted into a text. */
  text: string;
  /** The reference alone (a reference-list entry, or the attribution line). */
  reference: string;
  /** APA, Chicago and MLA: the in-text citation that follows the quotation ("(Roosevelt, 1941)"). */
  inText?: string;
}

/**
 * The one citation formatter (the API, the copy menu and the tray all use it). APA 7, Chicago
 * author-date and MLA go through the CSL processor with the official styles: the quotation, its
 * in-text citation, then the reference. Plain text and Markdown are Passim's own: the quotation, then
 * a line saying who, what and when, with the link to the passage (and to the words on the original).
 */
export async function formatCitation(facts: CitationFacts, style: CitationStyle, today: Date): Promise<FormattedCitation> {
  switch (style) {
    case 'apa':
    case 'chicago':
    case 'mla': {
      const { reference, inText } = await formatWithStyle(buildCslItem(facts, today, style), style, facts.page);
      return { text: `“${facts.quote}” ${inText}\n\n${reference}`, reference, inText };
    }
    case 'text': {
      const reference = `${describeSource(facts)}. ${facts.passageLink}`;
      const original = facts.url === undefined ? '' : `\nOriginal: ${facts.quoteLink}`;
      return { text: `“${facts.quote}”\n— ${reference}${original}`, reference };
    }
    case 'markdown': {
      const link = facts.passageLink;
      const [who, ...rest] = describeParts(facts);
      const title = `[${escapeMarkdown(facts.title)}](${link})`;
      const parts = [who && escapeMarkdown(who), title, ...rest.slice(1).map(escapeMarkdown)].filter(Boolean);
      const original = facts.url === undefined ? '' : ` ([original](${facts.quoteLink}))`;
      const reference = `${parts.join(', ')}${original}`;
      const quote = facts.quote
        .split('\n')
        .map((line) => (line.trim() === '' ? '>' : `> ${line.trimEnd()}`))
        .join('\n');
      return { text: `${quote}\n>\n> — ${reference}`, reference };
    }
  }
}

/** Who (the speaker, else the author), the title, the source when it is not the author, the date, the page. */
function describeParts(facts: CitationFacts): string[] {
  const author = authorName(facts.author);
  const who = facts.speakerName ?? author;
  // The source once, unless it only repeats the author (a folder named after a person, an organization's own name).
  const source = facts.speakerName !== undefined ? (sourceNamesAuthor(facts) ? author : facts.sourceName) : facts.sourceName !== author && !sourceNamesAuthor(facts) ? facts.sourceName : undefined;
  return [who, facts.title, source, facts.date && readableDate(facts.date), facts.page === undefined ? undefined : `p. ${facts.page}`].filter((part): part is string => Boolean(part));
}

function describeSource(facts: CitationFacts): string {
  const [who, title, ...rest] = describeParts(facts);
  return [who, `“${title}”`, ...rest].join(', ');
}

/** `2021-03-30` → `30 March 2021`; `2021-03` → `March 2021`; `2021` stays: unambiguous in every locale. */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (!monthName) return year ?? date;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
