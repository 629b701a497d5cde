import { formatOriginalLink, formatPassageLink, formatSpeakerName } from '../citation/format-citation.ts';
import type { TrayItem } from './tray-store.ts';

/**
 * RIS for reference managers (Zotero, EndNote, Mendeley): one record per passage.
 * The source is the publisher and, as an organization, the author; a speaker is a
 * second author. The quotation and the user's note go in notes, the passage link in
 * the URL when the document has no original address.
 */
export function formatTrayRis(items: TrayItem[], origin: string): string {
  return items.map((item) => formatRecord(item, origin)).join('\r\n');
}

function formatRecord(item: TrayItem, origin: string): string {
  const lines: [string, string][] = [
    ['TY', item.url ? 'ELEC' : 'GEN'],
    ['TI', item.title],
    ['AU', item.sourceName],
  ];
  if (item.speaker) lines.push(['A2', formatSpeakerName(item.speaker)]);
  lines.push(['PB', item.sourceName]);
  if (item.date) {
    lines.push(['PY', item.date.slice(0, 4)]);
    lines.push(['DA', formatRisDate(item.date)]);
  }
  lines.push(['UR', formatOriginalLink(item) ?? formatPassageLink(item, origin)]);
  if (item.url) lines.push(['L2', formatPassageLink(item, origin)]);
  if (item.page !== undefined) lines.push(['SP', String(item.page)]);
  lines.push(['N1', `“${item.text.trim()}”`]);
  if (item.note.trim() !== '') lines.push(['N1', item.note.trim()]);
  lines.push(['ER', '']);
  // A tag's value is one line in RIS.
  return lines.map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/g, ' ')}`.trimEnd()).join('\r\n') + '\r\n';
}

/** RIS dates are `YYYY/MM/DD/`, with unknown parts left empty. */
function formatRisDate(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${year}/${month}/${day}/`;
}
