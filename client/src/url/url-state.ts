/**
 * The view as it appears in the address bar, so a reload, the back button or a
 * shared link brings back the same view.
 *
 *   ?q=coalition&source=state.gov&source=diplomatie.belgium.be&page=2
 *   ?q=coalition&doc=<docId>&passage=<passageId>   (reader, opened from a hit)
 *   ?doc=<docId>&passage=<passageId>               (reader, opened from a citation)
 */
export interface UrlState {
  /** The search text as typed; blank shows the start state. */
  q: string;
  /** Source ids to filter on (OR), in the order they were picked. */
  sources: string[];
  /** 1-based results page. */
  page: number;
  /** Document open in the reader, or null for the results view. */
  doc: string | null;
  /** Passage to scroll to and mark in the reader. */
  passage: string | null;
}

export const EMPTY_URL_STATE: UrlState = { q: '', sources: [], page: 1, doc: null, passage: null };

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q') ?? '',
    sources: [...new Set(params.getAll('source').filter((source) => source !== ''))],
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
    doc: params.get('doc') || null,
    passage: params.get('passage') || null,
  };
}

/** The query string for a state, with defaults left out so links stay short. */
export function formatUrlSearch(state: Partial<UrlState>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const source of state.sources ?? []) params.append('source', source);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  if (state.doc) params.set('doc', state.doc);
  if (state.passage) params.set('passage', state.passage);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
