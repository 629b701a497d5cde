import type { CitationAuthor } from '../api/types.ts';
import { authorName, type CitationFacts } from './citation-facts.ts';
import { buildCslItem } from './csl-item.ts';

/** A cited passage with what the user wrote about it, as the tray exports it. */
export interface ExportEntry {
  facts: CitationFacts;
  /** The user's note; empty when none. */
  note: string;
  /** ISO time the passage was collected, when known. */
  collectedAt?: string;
}

/** Reference-manager types by the kind of document: Zotero reads RIS `SLIDE` as a presentation (with `M3` its type), `RPRT` as a report. */
const RIS_TYPES: Record<string, string> = { speech: 'SLIDE', transcript: 'SLIDE', interview: 'SLIDE', 'press availability': 'SLIDE', briefing: 'SLIDE', 'press release': 'RPRT', statement: 'RPRT' };
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * BibTeX, one `@misc` entry a passage (every style accepts it): a person as `Family, Given`, an
 * organization in braces so it stays one name; year, month and the ISO date; the kind in `type`; the
 * address; the quoted words in `abstract` and the user's note in `note`.
 */
export function exportBibtex(entries: readonly ExportEntry[], today: Date): string {
  const keys = new Map<string, number>();
  return entries
    .map(({ facts, note }) => {
      const item = buildCslItem(facts, today);
      const fields: [string, string][] = [
        ['author', bibtexAuthor(facts.author)],
        ['title', `{${escapeBibtex(facts.title)}}`],
      ];
      if (facts.date !== undefined) {
        const [year, month] = facts.date.split('-');
        fields.push(['year', year!]);
        if (month !== undefined) fields.push(['month', BIBTEX_MONTHS[Number(month) - 1]!]);
        fields.push(['date', facts.date]);
      }
      if (item.genre !== undefined) fields.push(['type', escapeBibtex(item.genre)]);
      if (facts.container !== undefined) fields.push(['eventtitle', escapeBibtex(facts.container)]);
      if (item.publisher !== undefined) fields.push(['publisher', escapeBibtex(item.publisher)]);
      if (facts.page !== undefined) fields.push(['pages', String(facts.page)]);
      fields.push(['url', item.URL]);
      if (facts.date === undefined) fields.push(['urldate', today.toISOString().slice(0, 10)]);
      fields.push(['abstract', escapeBibtex(facts.quote)]);
      if (note.trim() !== '') fields.push(['note', escapeBibtex(note.trim())]);
      const body = fields.map(([name, value]) => `  ${name} = {${value.replace(/\s*\n\s*/g, ' ')}}`).join(',\n');
      return `@misc{${uniqueKey(facts, keys)},\n${body}\n}\n`;
    })
    .join('\n');
}

/**
 * RIS (Zotero, EndNote, Mendeley): the type by the kind of document (`M3` says which), `AU` as
 * `Family, Given` (an organization as written), `PY` and `DA`, `UR`, the quoted words in `AB` and the
 * user's note in `N1`; the Passim link in `L2` when the original address is the `UR`.
 */
export function exportRis(entries: readonly ExportEntry[], today: Date): string {
  return entries
    .map(({ facts, note }) => {
      const item = buildCslItem(facts, today);
      const type = (facts.kind !== undefined ? RIS_TYPES[facts.kind] : undefined) ?? (facts.url !== undefined ? 'ELEC' : 'GEN');
      const lines: [string, string][] = [
        ['TY', type],
        ['TI', facts.title],
        ['AU', 'organization' in facts.author ? facts.author.organization : [facts.author.family, facts.author.given, facts.author.suffix].filter(Boolean).join(', ')],
      ];
      if (item.genre !== undefined) lines.push(['M3', item.genre]);
      if (facts.container !== undefined) lines.push(['T2', facts.container]);
      if (item.publisher !== undefined) lines.push(['PB', item.publisher]);
      if (facts.date !== undefined) {
        const [year = '', month = '', day = ''] = facts.date.split('-');
        lines.push(['PY', year], ['DA', `${year}/${month}/${day}/`]);
      } else lines.push(['Y2', today.toISOString().slice(0, 10).replace(/-/g, '/')]);
      lines.push(['UR', item.URL]);
      if (facts.url !== undefined) lines.push(['L2', facts.permalink]);
      if (facts.page !== undefined) lines.push(['SP', String(facts.page)]);
      lines.push(['AB', facts.quote]);
      if (note.trim() !== '') lines.push(['N1', note.trim()]);
      lines.push(['ER', '']);
      // A tag's value is one line in RIS.
      return lines.map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/g, ' ')}`.trimEnd()).join('\r\n') + '\r\n';
    })
    .join('\r\n');
}

const CSV_COLUMNS = ['title', 'author', 'source', 'speaker', 'kind', 'date', 'quote', 'note', 'passage_link', 'original_link', 'page', 'collected_at'] as const;

/**
 * RFC 4180 CSV, one row a passage, every column filled when it is known. Starts with a byte-order mark
 * so that spreadsheet programs read it as UTF-8, and ends rows with CRLF.
 */
export function exportCsv(entries: readonly ExportEntry[]): string {
  const rows = entries.map(({ facts, note, collectedAt }) =>
    [
      facts.title,
      authorName(facts.author),
      facts.sourceName,
      facts.speakerName ?? '',
      facts.kind ?? '',
      facts.date ?? '',
      facts.quote,
      note.trim(),
      facts.passageLink,
      facts.url === undefined ? '' : facts.quoteLink,
      facts.page === undefined ? '' : String(facts.page),
      collectedAt ?? '',
    ].map(quoteCsvField),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;
}

function bibtexAuthor(author: CitationAuthor): string {
  if ('organization' in author) return `{${escapeBibtex(author.organization)}}`;
  return escapeBibtex([author.family, author.suffix, author.given].filter(Boolean).join(', '));
}

/** `roosevelt1941state`, then `…b`, `…c` for the next passages of the same kind. */
function uniqueKey(facts: CitationFacts, used: Map<string, number>): string {
  const name = ('organization' in facts.author ? facts.author.organization : facts.author.family).toLowerCase().normalize('NFD').replace(/[^a-z0-9]/g, '');
  const word = facts.title.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').split(' ').find((part) => part.length > 3) ?? 'passage';
  const base = `${name.slice(0, 24)}${facts.date?.slice(0, 4) ?? ''}${word}`;
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

/** Quotes a field that holds a separator, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets. */
function quoteCsvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
