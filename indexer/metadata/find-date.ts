/**
 * Dates as Passim stores them: ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all a source
 * says. Declared dates (front matter, meta tags, JSON fields) go through `normalizeDate`; a document
 * that declares none gets the first explicit date near its start ("On March 30, 2021, ...").
 */

export interface DateOptions {
  /** How far into the text an inferred date may start, in characters. Default 500. */
  searchChars: number;
}

export const DEFAULT_DATE_OPTIONS: DateOptions = { searchChars: 500 };

/** Month names in English, French and Dutch (with the usual abbreviations), folded to lower case. */
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, janv: 1, januari: 1,
  february: 2, feb: 2, février: 2, fevrier: 2, févr: 2, fevr: 2, februari: 2,
  march: 3, mar: 3, mars: 3, maart: 3, mrt: 3,
  april: 4, apr: 4, avril: 4, avr: 4,
  may: 5, mai: 5, mei: 5,
  june: 6, jun: 6, juin: 6, juni: 6,
  july: 7, jul: 7, juillet: 7, juil: 7, juli: 7,
  august: 8, aug: 8, août: 8, aout: 8, augustus: 8,
  september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10, oktober: 10, okt: 10,
  november: 11, nov: 11, novembre: 11,
  december: 12, dec: 12, décembre: 12, decembre: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|e)?';
const YEAR = '(\\d{4})';

/** Each pattern captures its parts in the order given by `order`. */
const TEXT_DATES: { pattern: RegExp; order: ['month' | 'day' | 'year', 'month' | 'day' | 'year', 'month' | 'day' | 'year'] }[] = [
  { pattern: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'iu'), order: ['month', 'day', 'year'] },
  { pattern: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'iu'), order: ['day', 'month', 'year'] },
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/u, order: ['year', 'month', 'day'] },
];

function toIsoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first explicit calendar date within the first `searchChars` characters of a text. */
export function findDate(text: string, options: Partial<DateOptions> = {}): string | undefined {
  const { searchChars } = { ...DEFAULT_DATE_OPTIONS, ...options };
  const head = text.slice(0, searchChars);
  let best: { index: number; date: string } | undefined;
  for (const { pattern, order } of TEXT_DATES) {
    const match = pattern.exec(head);
    if (!match || (best && best.index <= match.index)) continue;
    const parts = { year: 0, month: 0, day: 0 };
    order.forEach((part, i) => {
      const value = match[i + 1]!;
      parts[part] = part === 'month' && !/^\d+$/.test(value) ? (MONTHS[value.toLowerCase()] ?? 0) : Number(value);
    });
    const date = toIsoDate(parts.year, parts.month, parts.day);
    if (date) best = { index: match.index, date };
  }
  return best?.date;
}

/**
 * A declared date in Passim's form, or undefined when it cannot be read as one. Accepts a year as a
 * number, ISO dates and date-times (the date part is kept as written, whatever the time zone),
 * `YYYY-MM`, `YYYY`, and dates written out in words.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1000 && value <= 2999 ? String(value) : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(trimmed);
  if (iso) {
    const [, year, month, day] = iso;
    if (day !== undefined) return toIsoDate(Number(year), Number(month), Number(day));
    if (month !== undefined) return Number(month) >= 1 && Number(month) <= 12 ? `${year}-${month}` : undefined;
    return year;
  }
  return findDate(trimmed, { searchChars: trimmed.length });
}
