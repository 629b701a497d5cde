/**
 * Dates as Passim stores them: ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all a source
 * says. Declared dates (front matter, meta tags, JSON fields, PDF and Word properties) go through
 * `normalizeDate`; a document that declares none and whose path holds none may get one from its text,
 * but only a date that reads as the document's own (`findOwnDate`): a date heading the page, a
 * dateline, "Released on …". A date mentioned in a sentence ("from July 1, 1901, to …") is not the
 * document's date.
 */

export interface DateOptions {
  /** How far into the text a document's own date may start, in characters. Default 500. */
  searchChars: number;
  /** How many lines from the top may hold it. Default 8. */
  searchLines: number;
}

export const DEFAULT_DATE_OPTIONS: DateOptions = { searchChars: 500, searchLines: 8 };

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
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';

type DatePart = 'month' | 'day' | 'year';

/** Each pattern captures its parts in the order given by `order`. */
const TEXT_DATES: { pattern: RegExp; order: [DatePart, DatePart, DatePart] }[] = [
  { pattern: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'giu'), order: ['month', 'day', 'year'] },
  { pattern: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'giu'), order: ['day', 'month', 'year'] },
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/gu, order: ['year', 'month', 'day'] },
];

/**
 * What may stand before a date on its line for the date to be the document's own: nothing (a date
 * heading the page, or opening its first paragraph: "March 30, 2021 — …"), a weekday, "On"/"Le"/"Op"
 * opening a news lede, a publication label ("Released on", "Publié le", "Date:"), or a dateline's
 * place ("WASHINGTON,", "Brussels, Belgium,").
 */
const OWN_DATE_LABEL = new RegExp(
  [
    '^$',
    `^${WEEKDAY},?$`,
    `^(?:on|le|op|am|el)(?:\\s+${WEEKDAY},?)?$`,
    `^(?:(?:for\\s+immediate\\s+)?released?|published|posted|issued|dated|delivered|date|publiée?|mis\\s+en\\s+ligne|gepubliceerd|datum)(?:\\s+(?:on|le|op))?\\s*[:\\-–—]?$`,
  ].join('|'),
  'iu',
);
/** A place: one to four capitalized words, maybe a region after a comma, then the comma before the date. */
const PLACE_WORD = "\\p{Lu}[\\p{L}.'’\\-]*";
const DATELINE_PLACE = new RegExp(`^${PLACE_WORD}(?:\\s+${PLACE_WORD}){0,3}(?:,\\s*${PLACE_WORD}(?:\\s+${PLACE_WORD}){0,2})?,$`, 'u');

function toIsoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every calendar date written in `text`, in order, with where it starts. */
function listTextDates(text: string): { index: number; date: string }[] {
  const found: { index: number; date: string }[] = [];
  for (const { pattern, order } of TEXT_DATES) {
    for (const match of text.matchAll(pattern)) {
      const parts = { year: 0, month: 0, day: 0 };
      order.forEach((part, i) => {
        const value = match[i + 1]!;
        parts[part] = part === 'month' && !/^\d+$/.test(value) ? (MONTHS[value.toLowerCase()] ?? 0) : Number(value);
      });
      const date = toIsoDate(parts.year, parts.month, parts.day);
      if (date) found.push({ index: match.index, date });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The document's own date, when its first lines show one: a date heading the page or opening its
 * first paragraph, a dateline ("WASHINGTON, March 30, 2021 —"), a publication label ("Released on
 * March 30, 2021"). A date inside a sentence is something the document talks about, not its date.
 */
export function findOwnDate(text: string, options: Partial<DateOptions> = {}): string | undefined {
  const { searchChars, searchLines } = { ...DEFAULT_DATE_OPTIONS, ...options };
  const lines = text.slice(0, searchChars).split('\n').filter((line) => line.trim() !== '').slice(0, searchLines);
  for (const line of lines) {
    const trimmed = line.trim();
    for (const { index, date } of listTextDates(trimmed)) {
      const lead = trimmed.slice(0, index).trim();
      if (OWN_DATE_LABEL.test(lead) || DATELINE_PLACE.test(lead)) return date;
    }
  }
  return undefined;
}

/**
 * A declared date in Passim's form, or undefined when it cannot be read as one. Accepts a year as a
 * number, ISO dates and date-times (the date part is kept as written, whatever the time zone),
 * `YYYY-MM`, `YYYY`, PDF dates (`D:20210330120000+01'00'`), and dates written out in words.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1000 && value <= 2999 ? String(value) : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(trimmed);
  if (pdf) return normalizeDate([pdf[1], pdf[2], pdf[3]].filter(Boolean).join('-'));
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(trimmed);
  if (iso) {
    const [, year, month, day] = iso;
    if (day !== undefined) return toIsoDate(Number(year), Number(month), Number(day));
    if (month !== undefined) return Number(month) >= 1 && Number(month) <= 12 ? `${year}-${month}` : undefined;
    return year;
  }
  return listTextDates(trimmed)[0]?.date;
}

/** An ISO date from its parts, or undefined when they make no calendar date. */
export function isoDateOf(year: number, month?: number, day?: number): string | undefined {
  if (month === undefined) return String(year).padStart(4, '0');
  if (day === undefined) return month >= 1 && month <= 12 ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` : undefined;
  return toIsoDate(year, month, day);
}
