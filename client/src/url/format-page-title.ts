/** Characters of the query the tab title shows before it cuts with an ellipsis. */
const TITLE_QUERY_LENGTH = 60;

/** The tab title: the query, so tabs and history name their searches ("slavery — Passim"). */
export function formatPageTitle(q: string): string {
  const query = q.trim().replace(/\s+/g, ' ');
  if (query === '') return 'Passim';
  const shown = query.length > TITLE_QUERY_LENGTH ? `${query.slice(0, TITLE_QUERY_LENGTH - 1).trimEnd()}…` : query;
  return `${shown} — Passim`;
}
