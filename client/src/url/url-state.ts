import type { SearchSort } from '../../../server/api/types.ts';

/**
 * The view as it appears in the address bar, so a reload, the back button or a
 * shared link brings back the same view.
 *
 *   ?q=coalition&source=state.gov&source=diplomatie.belgium.be&page=2
 *   ?q=coalition&speaker=…&lang=en&years=1990-2001&sort=newest
 *   ?q=coalition&doc=<docId>&passage=<passageId>   (reader, opened from a hit)
 *   ?doc=<docId>&passage=<passageId>               (reader, opened from a citation)
 *   ?q=<a pasted quote>&check=quote                (the quote check of the search text)
 */
export interface UrlState {
  /** The search text as typed; blank shows the start state. */
  q: string;
  /** Source ids to filter on (OR), in the order they were picked. */
  sources: string[];
  /** Speakers to filter on (OR). */
  speakers: string[];
  /** Language codes to filter on (OR). */
  langs: string[];
  /** An inclusive range of years, or null for every year. */
  years: YearRange | null;
  /** Order of the results: best first (left out of the URL), or by date. */
  sort: SearchSort;
  /** 1-based results page. */
  page: number;
  /** Document open in the reader, or null for the results view. */
  doc: string | null;
  /** Passage to scroll to and mark in the reader. */
  passage: string | null;
  /** `quote`: the search text is checked as a quote instead of searched. */
  check: 'quote' | null;
}

export interface YearRange {
  from: number;
  to: number;
}

export const EMPTY_URL_STATE: UrlState = {
  q: '',
  sources: [],
  speakers: [],
  langs: [],
  years: null,
  sort: 'relevance',
  page: 1,
  doc: null,
  passage: null,
  check: null,
};

/** The filters of a state; the same search with other filters is another view. */
export type FilterState = Pick<UrlState, 'sources' | 'speakers' | 'langs' | 'years'>;

export const NO_FILTERS: FilterState = { sources: [], speakers: [], langs: [], years: null };

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q') ?? '',
    sources: readList(params, 'source'),
    speakers: readList(params, 'speaker'),
    langs: readList(params, 'lang'),
    years: parseYearRange(params.get('years') ?? ''),
    sort: parseSort(params.get('sort')),
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
    doc: params.get('doc') || null,
    passage: params.get('passage') || null,
    check: params.get('check') === 'quote' ? 'quote' : null,
  };
}

/** The query string for a state, with defaults left out so links stay short. */
export function formatUrlSearch(state: Partial<UrlState>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const source of state.sources ?? []) params.append('source', source);
  for (const speaker of state.speakers ?? []) params.append('speaker', speaker);
  for (const lang of state.langs ?? []) params.append('lang', lang);
  if (state.years) params.set('years', formatYearRange(state.years));
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  if (state.doc) params.set('doc', state.doc);
  if (state.passage) params.set('passage', state.passage);
  if (state.check) params.set('check', state.check);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/**
 * `next`, reusing the lists and the year range of `previous` that did not change, so parts of a
 * view that depend only on the filters see the same values while the query is typed (and skip
 * re-rendering).
 */
export function keepUnchangedParts(previous: UrlState | undefined, next: UrlState): UrlState {
  if (!previous) return next;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  return {
    ...next,
    sources: same(previous.sources, next.sources) ? previous.sources : next.sources,
    speakers: same(previous.speakers, next.speakers) ? previous.speakers : next.speakers,
    langs: same(previous.langs, next.langs) ? previous.langs : next.langs,
    years: previous.years?.from === next.years?.from && previous.years?.to === next.years?.to ? previous.years : next.years,
  };
}

export function hasFilters(state: FilterState): boolean {
  return state.sources.length + state.speakers.length + state.langs.length > 0 || state.years !== null;
}

/** "1990-2001", or "2021" for a single year. */
export function formatYearRange({ from, to }: YearRange): string {
  return from === to ? String(from) : `${from}-${to}`;
}

/** Reads "1990-2001" or "2021" (four-digit years, as the API takes); anything else means every year. */
export function parseYearRange(text: string): YearRange | null {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** `newest` or `oldest`; anything else is the default order, best first. */
function parseSort(value: string | null): SearchSort {
  return value === 'newest' || value === 'oldest' ? value : 'relevance';
}

function readList(params: URLSearchParams, name: string): string[] {
  return [...new Set(params.getAll(name).filter((value) => value !== ''))];
}
