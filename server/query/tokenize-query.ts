import type { QueryNote } from '../api/types.ts';

/** A piece of query syntax, before its words are analyzed. */
export type QueryToken =
  | { type: 'or' }
  | { type: 'not' }
  | {
      type: 'item';
      /** Preceded by `-`. */
      negated: boolean;
      /** The name before a colon (`source` in `source:press`), lower-cased; absent for plain words. */
      field?: string;
      /** The text after the colon, or the whole item; without its quotes. */
      value: string;
      quoted: boolean;
      /** Where the item ends in the cleaned query: the last item is being typed when nothing follows it. */
      end: number;
    };

export interface TokenizedQuery {
  tokens: QueryToken[];
  /** The query after cleaning (control characters removed, cut to length). */
  cleaned: string;
  notes: QueryNote[];
}

const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);
const MINUSES = new Set(['-', '−', '–']);
// Tabs and line breaks separate words; other control and invisible format characters are dropped,
// because inside a word they would split it in two.
const LINE_SPACE = /[\t\n\r\v\f]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const FIELD_PREFIX = /^([\p{L}]+):/u;

const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);

/**
 * Splits a query into words, quoted phrases, `field:value` items, `-` exclusions and `OR`. Never
 * fails: an unclosed quote runs to the end, a lone `-` is dropped, and each repair adds a note.
 */
export function tokenizeQuery(raw: string, maxLength: number): TokenizedQuery {
  const notes: QueryNote[] = [];
  let cleaned = raw.replace(LINE_SPACE, ' ');
  const visible = cleaned.replace(INVISIBLE, '');
  if (visible !== cleaned) notes.push({ code: 'control_characters', message: 'Control and invisible characters were removed from the query.' });
  cleaned = visible;
  if (cleaned.length > maxLength) {
    const cut = cleaned.lastIndexOf(' ', maxLength);
    cleaned = cleaned.slice(0, cut > maxLength / 2 ? cut : maxLength);
    notes.push({ code: 'query_truncated', message: `The query was cut to its first ${cleaned.length} characters (at most ${maxLength} are read).` });
  }

  const tokens: QueryToken[] = [];
  let at = 0;
  const stray = (what: string) => notes.push({ code: 'stray_operator', message: `A lone "${what}" with nothing to apply to was ignored.` });
  while (at < cleaned.length) {
    const char = cleaned[at]!;
    if (isSpace(char)) {
      at += 1;
      continue;
    }
    let negated = false;
    if (MINUSES.has(char)) {
      while (MINUSES.has(cleaned[at] ?? '')) at += 1;
      if (isSpace(cleaned[at])) {
        stray('-');
        continue;
      }
      negated = true;
    }
    const item = readItem(cleaned, at);
    at = item.end;
    if (item.unclosed) notes.push({ code: 'unclosed_quote', message: 'A quote was not closed; the phrase was read to the end of the query.' });
    if (!negated && !item.quoted && item.field === undefined && (item.value === 'OR' || item.value === '|')) tokens.push({ type: 'or' });
    else if (!negated && !item.quoted && item.field === undefined && item.value === 'NOT') tokens.push({ type: 'not' });
    // AND is what juxtaposition means already.
    else if (!negated && !item.quoted && item.field === undefined && (item.value === 'AND' || item.value === '&&')) continue;
    else tokens.push({ type: 'item', negated, ...(item.field === undefined ? {} : { field: item.field }), value: item.value, quoted: item.quoted, end: item.end });
  }
  return { tokens, cleaned, notes };
}

interface RawItem {
  field?: string;
  value: string;
  quoted: boolean;
  unclosed: boolean;
  end: number;
}

/** Reads one item starting at `start`: a quoted phrase, a `field:value` (value maybe quoted), or a word. */
function readItem(text: string, start: number): RawItem {
  if (QUOTES.has(text[start]!)) return { ...readQuoted(text, start), quoted: true };
  let end = start;
  while (end < text.length && !isSpace(text[end]) && !QUOTES.has(text[end]!)) end += 1;
  const word = text.slice(start, end);
  const field = FIELD_PREFIX.exec(word);
  if (field) {
    const name = field[1]!.toLowerCase();
    if (end === start + field[0].length && QUOTES.has(text[end] ?? '')) return { field: name, ...readQuoted(text, end), quoted: true };
    return { field: name, value: word.slice(field[0].length), quoted: false, unclosed: false, end };
  }
  // A quote glued to a word (`word"`) is punctuation: the analyzer will drop it.
  while (end < text.length && !isSpace(text[end])) end += 1;
  return { value: text.slice(start, end), quoted: false, unclosed: false, end };
}

function readQuoted(text: string, open: number): { value: string; unclosed: boolean; end: number } {
  let close = open + 1;
  while (close < text.length && !QUOTES.has(text[close]!)) close += 1;
  if (close >= text.length) return { value: text.slice(open + 1), unclosed: true, end: text.length };
  return { value: text.slice(open + 1, close), unclosed: false, end: close + 1 };
}
