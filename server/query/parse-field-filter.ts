import type { QueryNote } from '../api/types.ts';
import { findWordTerms } from './find-word-terms.ts';
import type { DateBounds, FieldFilter, TextFilterField } from './query-tree.ts';

const TEXT_FIELDS = new Set<string>(['source', 'speaker', 'title', 'lang']);
const DATE_FIELDS = new Set<string>(['year', 'date']);

/** Whether `name:` is a filter rather than ordinary text such as `10:30` or `http:`. */
export function isFilterField(name: string): boolean {
  return TEXT_FIELDS.has(name) || DATE_FIELDS.has(name);
}

const LANG = /^[a-z]{2,3}$/i;
const YEAR = '\\d{4}';
const DATE = '\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?';

/** Reads the value of a `field:value` item; a value it cannot read becomes a note and no filter. */
export function parseFieldFilter(field: string, value: string, negated: boolean): FieldFilter | QueryNote {
  const invalid = (hint: string): QueryNote => ({ code: 'invalid_filter', message: `"${field}:${value}" was ignored: ${hint}` });
  if (DATE_FIELDS.has(field)) {
    const writtenAs = field as 'year' | 'date';
    const bounds = parseDateBounds(value, writtenAs === 'year' ? YEAR : DATE);
    if (!bounds) {
      return invalid(writtenAs === 'year' ? 'write a year (2021), a range (2019..2021) or a bound (>=2019).' : 'write a date (2021-03-30, 2021-03 or 2021), a range (2021-01..2021-06) or a bound (>=2020-06).');
    }
    return { kind: 'filter', field: 'date', negated, value, writtenAs, bounds };
  }
  if (field === 'lang') {
    if (!LANG.test(value)) return invalid('write a language code such as en, fr or nl.');
    return { kind: 'filter', field: 'lang', negated, value, terms: [value.toLowerCase()], prefix: false };
  }
  const terms = findWordTerms(value).map((word) => word.term);
  if (terms.length === 0) return invalid(`write the ${field} to keep after the colon.`);
  return { kind: 'filter', field: field as TextFilterField, negated, value, terms, prefix: value.endsWith('*') };
}

/** `2021`, `2019..2021`, `2019..`, `..2021`, `2019-2021` (years), `>=2019`, `>2019`, `<=2021`, `<2021`. */
function parseDateBounds(value: string, point: string): DateBounds | undefined {
  const single = new RegExp(`^${point}$`);
  if (single.test(value)) return { from: value, to: value };
  const range = new RegExp(`^(${point})?\\.\\.(${point})?$`).exec(value) ?? (point === YEAR ? new RegExp(`^(${point})-(${point})$`).exec(value) : null);
  if (range && (range[1] || range[2])) {
    if (range[1] && range[2] && range[1] > range[2]) return undefined;
    return { ...(range[1] ? { from: range[1] } : {}), ...(range[2] ? { to: range[2] } : {}) };
  }
  const bound = new RegExp(`^(>=|<=|>|<)(${point})$`).exec(value);
  if (!bound) return undefined;
  const at = bound[2]!;
  switch (bound[1]) {
    case '>=':
      return { from: at };
    case '<=':
      return { to: at };
    case '>':
      return { after: at };
    default:
      return { before: at };
  }
}
