import { InternalLink } from '../url/internal-link.tsx';
import { formatNumber } from './format-count.ts';

interface ResultPagerProps {
  page: number;
  pageCount: number;
  /** Query string of a given results page. */
  searchForPage: (page: number) => string;
}

export function ResultPager({ page, pageCount, searchForPage }: ResultPagerProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Result pages">
      {page > 1 ? (
        <InternalLink className="button" search={searchForPage(page - 1)} rel="prev">
          ← Previous
        </InternalLink>
      ) : (
        <span />
      )}
      <span className="pager-position">
        Page {formatNumber(page)} of {formatNumber(pageCount)}
      </span>
      {page < pageCount ? (
        <InternalLink className="button" search={searchForPage(page + 1)} rel="next">
          Next →
        </InternalLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
