import type { Citation } from '../api/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The three strings a writer pastes. Plain text and Markdown read as a line of reference after a
 * quotation: speaker, title, source, date, page, then the original address (or the Passim link when
 * the original is unknown). APA follows the 7th edition's pattern for web documents: the
 * organization as author, the date in parentheses (n.d. when unknown), the title, the address.
 */
export function formatCitation(citation: Omit<Citation, 'formatted'>): Citation['formatted'] {
  const speaker = citation.speakerName ?? (citation.speaker === undefined ? undefined : displaySpeaker(citation.speaker));
  const date = citation.date === undefined ? undefined : readableDate(citation.date);
  const page = citation.page === undefined ? undefined : `p. ${citation.page}`;
  const link = citation.url ?? citation.permalink;

  const text = `${[speaker, `“${citation.title}”`, citation.source, date, page].filter(Boolean).join(', ')}. ${link}`;
  const markdownTitle = `[${escapeMarkdown(citation.title)}](${link})`;
  const markdownParts = [speaker && escapeMarkdown(speaker), markdownTitle, escapeMarkdown(citation.source), date, page].filter(Boolean);
  const passageLink = citation.url === undefined ? '' : ` ([passage](${citation.permalink}))`;
  const markdown = `${markdownParts.join(', ')}${passageLink}`;

  const speakerNote = speaker === undefined ? '' : ` [Remarks by ${speaker}]`;
  const apa = `${endSentence(citation.source)} (${apaDate(citation.date)}). ${citation.title}${speakerNote}${page === undefined ? '' : ` (${page})`}. ${link}`;
  return { text, markdown, apa };
}

/** Transcript labels are written in capitals ("SECRETARY BLINKEN"); a citation names the person (when the index has no `speakerName`). */
export function displaySpeaker(label: string): string {
  if (label !== label.toUpperCase()) return label;
  return label.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** `2021-03-30` → `30 March 2021`; `2021-03` → `March 2021`; `2021` stays. */
function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (!monthName) return year ?? date;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** APA dates: `2021, March 30`, `2021, March`, `2021`, or `n.d.` */
function apaDate(date: string | undefined): string {
  if (date === undefined) return 'n.d.';
  const [year, month, day] = date.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (!monthName) return year ?? date;
  return day === undefined ? `${year}, ${monthName}` : `${year}, ${monthName} ${Number(day)}`;
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
