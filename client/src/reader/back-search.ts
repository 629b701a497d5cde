import { formatUrlSearch, type UrlState } from '../url/url-state.ts';

/** The results view a reader was opened from: the same search, filters and page, no document. */
export function backSearchOf(url: UrlState): string {
  return formatUrlSearch({ ...url, doc: null, passage: null });
}
