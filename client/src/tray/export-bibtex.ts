import { formatOriginalLink, formatPassageLink, formatSpeakerName } from '../citation/format-citation.ts';
import type { TrayItem } from './tray-store.ts';

/**
 * BibTeX (`@misc`, which every style accepts) for each collected passage. The source
 * is the author, in double braces so BibTeX keeps it as an organization name; the
 * quotation and the user's note go in `note`.
 */
export function formatTrayBibtex(items: TrayItem[], origin: string): string {
  const keys = new Map<string, number>();
  return items.map((item) => formatEntry(item, origin, uniqueKey(item, keys))).join('\n');
}

function formatEntry(item: TrayItem, origin: string, key: string): string {
  const fields: [string, string][] = [
    ['title', `{${escapeBibtex(item.title)}}`],
    ['author', `{${escapeBibtex(item.sourceName)}}`],
    ['publisher', escapeBibtex(item.sourceName)],
  ];
  if (item.date) {
    fields.push(['year', item.date.slice(0, 4)]);
    fields.push(['date', item.date]);
  }
  if (item.speaker) fields.push(['howpublished', `Remarks by ${escapeBibtex(formatSpeakerName(item.speaker))}`]);
  if (item.page !== undefined) fields.push(['pages', String(item.page)]);
  fields.push(['url', formatOriginalLink(item) ?? formatPassageLink(item, origin)]);
  const note = [`“${item.text.trim()}”`, item.note.trim()].filter((part) => part !== '').join(' — ');
  fields.push(['note', escapeBibtex(note)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value.replace(/\s*\n\s*/g, ' ')}}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/** `stategov2021blinken`, then `…b`, `…c` for the next passages of the same kind. */
function uniqueKey(item: TrayItem, used: Map<string, number>): string {
  const source = item.source.toLowerCase().replace(/[^a-z0-9]/g, '');
  const word = item.title.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').split(' ').find((part) => part.length > 3) ?? 'passage';
  const base = `${source}${item.date?.slice(0, 4) ?? ''}${word}`;
  const count = used.get(base) ?? 0;
  used.set(base, count + 1);
  return count === 0 ? base : `${base}${String.fromCharCode(97 + (count % 26))}${count >= 26 ? Math.floor(count / 26) : ''}`;
}

/** Characters with a meaning in BibTeX/LaTeX, escaped so titles and quotes come out as written. */
function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (char) => {
    if (char === '\\') return '\\textbackslash{}';
    if (char === '^') return '\\^{}';
    if (char === '~') return '\\~{}';
    return `\\${char}`;
  });
}
