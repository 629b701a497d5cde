import { formatOriginalLink, formatPassageLink } from '../citation/format-citation.ts';
import type { TrayItem } from './tray-store.ts';

const COLUMNS = ['title', 'source', 'speaker', 'date', 'quote', 'note', 'passage_link', 'original_link', 'collected_at'] as const;

/**
 * RFC 4180 CSV, one row per collected passage. Starts with a byte-order mark so that
 * spreadsheet programs read it as UTF-8 (quotes, accents), and ends rows with CRLF.
 */
export function formatTrayCsv(items: TrayItem[], origin: string): string {
  const rows = items.map((item) =>
    [
      item.title,
      item.sourceName,
      item.speaker ?? '',
      item.date ?? '',
      item.text,
      item.note,
      formatPassageLink(item, origin),
      formatOriginalLink(item) ?? '',
      item.addedAt,
    ].map(quoteCsvField),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;
}

/** Quotes a field that holds a separator, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets. */
function quoteCsvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
