import { navigateBackTo } from '../url/history-store.ts';
import { InternalLink } from '../url/internal-link.tsx';
import { backSearchOf } from './back-search.ts';
import type { UrlState } from '../url/url-state.ts';

/** Back to the results the reader was opened from, as a real history step when it can be one. */
export function BackLink({ url }: { url: UrlState }) {
  const backSearch = backSearchOf(url);
  // A citation link carries no search to go back to.
  const hasResults = url.q.trim() !== '';
  return (
    <InternalLink className="back-link" search={backSearch} onNavigate={() => navigateBackTo(backSearch)} aria-keyshortcuts="Escape">
      ← {hasResults ? 'Back to results' : 'Search the archive'}
    </InternalLink>
  );
}
