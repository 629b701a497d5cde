import { isoDateOf } from './find-date.ts';

/** Years a path may date a document to; a number outside them is an id or a count, not a year. */
const FIRST_YEAR = 1400;
const LAST_YEAR = 2199;

const isYear = (digits: string) => Number(digits) >= FIRST_YEAR && Number(digits) <= LAST_YEAR;

/**
 * A full date in a file name, with one separator or none between its parts, not inside a longer run
 * of letters or digits: `2021-03-30-remarks`, `statement_20210330`, `2021_03_30`, `press.2021.03.30`.
 */
const NAME_FULL_DATE = /(?<![\p{L}\d])(\d{4})([-_.]?)(\d{2})\2(\d{2})(?![\p{L}\d])/u;
/** A year, or year and month, opening a file name: `1861_abraham_lincoln_r`, `1941-151`, `2021-03-notes`. */
const NAME_LEADING = /^(\d{4})(?:-(\d{2}))?(?=[-_. ]|$)/;
/** A year closing a file name: `annual-report-2019`. */
const NAME_TRAILING = /[-_ ](\d{4})$/;

/**
 * The date a document's path gives it, the way archives file documents: in the file name
 * (`1861_abraham_lincoln_r.txt`, `2021-03-30-remarks.html`, `statement_20210330.pdf`,
 * `report-2019.pdf`) or in its folders (`2021/03/30/remarks.html`, `2021/03/`, `2021/`, `2021-03-30/`).
 * The file name wins over its folders; the deepest dated folders win over the others.
 */
export function findPathDate(corpusPath: string): string | undefined {
  const segments = corpusPath.replace(/#.*$/, '').split('/');
  const fileName = (segments.pop() ?? '').replace(/\.[^.]*$/, '');
  return dateInName(fileName) ?? dateInFolders(segments);
}

function dateInName(name: string): string | undefined {
  const full = NAME_FULL_DATE.exec(name);
  if (full && isYear(full[1]!)) {
    const date = isoDateOf(Number(full[1]), Number(full[3]), Number(full[4]));
    if (date) return date;
  }
  const leading = NAME_LEADING.exec(name);
  if (leading && isYear(leading[1]!)) return isoDateOf(Number(leading[1]), leading[2] === undefined ? undefined : Number(leading[2]));
  const trailing = NAME_TRAILING.exec(name);
  if (trailing && isYear(trailing[1]!)) return trailing[1];
  return undefined;
}

/** `…/2021/03/30/…`, `…/2021/03/…`, `…/2021/…` or a folder named by a date, the deepest first. */
function dateInFolders(folders: string[]): string | undefined {
  for (let end = folders.length; end > 0; end -= 1) {
    const folder = folders[end - 1]!;
    const named = NAME_FULL_DATE.exec(folder);
    if (named && named.index === 0 && named[0].length === folder.length && isYear(named[1]!)) {
      const date = isoDateOf(Number(named[1]), Number(named[3]), Number(named[4]));
      if (date) return date;
    }
    // The run of folders ending here: year, then month, then day.
    const run = folders.slice(Math.max(0, end - 3), end);
    for (let start = 0; start < run.length; start += 1) {
      const [year, month, day] = run.slice(start);
      if (!/^\d{4}$/.test(year!) || !isYear(year!)) continue;
      if (month !== undefined && !/^\d{1,2}$/.test(month)) continue;
      if (day !== undefined && !/^\d{1,2}$/.test(day)) continue;
      const date = isoDateOf(Number(year), month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
      if (date) return date;
    }
  }
  return undefined;
}
