const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

interface DateParts {
  year: string;
  month?: string;
  day?: number;
}

/** Splits an ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); anything else is not a date we can print. */
function readIsoDate(date: string): DateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match?.[1]) return null;
  const month = match[2] === undefined ? undefined : MONTHS[Number(match[2]) - 1];
  if (match[2] !== undefined && month === undefined) return { year: match[1] };
  const day = match[3] === undefined ? undefined : Number(match[3]);
  return { year: match[1], ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** "30 March 2021", "March 2021", "2021": unambiguous in every locale. */
export function formatLongDate(date: string): string {
  const parts = readIsoDate(date);
  if (!parts) return date;
  return [parts.day, parts.month, parts.year].filter((part) => part !== undefined).join(' ');
}

/** APA's "(2021, March 30)", "(2021, March)", "(2021)", or "(n.d.)" without a date. */
export function formatApaDate(date: string | undefined): string {
  const parts = date === undefined ? null : readIsoDate(date);
  if (!parts) return '(n.d.)';
  const monthDay = [parts.month, parts.day].filter((part) => part !== undefined).join(' ');
  return monthDay === '' ? `(${parts.year})` : `(${parts.year}, ${monthDay})`;
}

/** The year of an ISO date, or "n.d." for APA's in-text citation. */
export function formatApaYear(date: string | undefined): string {
  return (date === undefined ? null : readIsoDate(date))?.year ?? 'n.d.';
}
