const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "30 March 2021", "March 2021", "2021": a date as cards, the reader and the tray show it, unambiguous in every locale. */
export function formatLongDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match?.[1]) return date;
  const month = match[2] === undefined ? undefined : MONTHS[Number(match[2]) - 1];
  const day = match[3] === undefined ? undefined : Number(match[3]);
  return [day, month, match[1]].filter((part) => part !== undefined).join(' ');
}
