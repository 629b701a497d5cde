import { isWorthRetrying } from '../api/api-error.ts';
import { useDocument } from '../api/document.ts';
import { ErrorNotice } from '../layout/error-notice.tsx';
import { navigateBackTo } from '../url/history-store.ts';
import { InternalLink } from '../url/internal-link.tsx';
import { formatUrlSearch, type UrlState } from '../url/url-state.ts';
import { ReaderDocument } from './reader-document.tsx';

interface ReaderProps {
  url: UrlState & { doc: string };
}

/** A whole document, opened at a passage from a hit or a citation link. */
export function Reader({ url }: ReaderProps) {
  const document = useDocument(url.doc);
  const backSearch = formatUrlSearch({ q: url.q, sources: url.sources, page: url.page });
  // A citation link carries no search to go back to.
  const hasResults = url.q.trim() !== '';

  return (
    <article className="reader" aria-labelledby="reader-title" aria-busy={document.isPending}>
      <div className="reader-aside">
        <InternalLink className="back-link" search={backSearch} onNavigate={() => navigateBackTo(backSearch)}>
          ← {hasResults ? 'Back to results' : 'Search the archive'}
        </InternalLink>
      </div>
      <div className="reader-main">
        {document.isPending ? (
          <p id="reader-title" className="reader-title reader-title-loading" role="status">
            Loading document…
          </p>
        ) : document.isError ? (
          <>
            <h2 id="reader-title" className="reader-title">
              Document unavailable
            </h2>
            <ErrorNotice
              title="The document could not be opened."
              message={document.error.message}
              onRetry={isWorthRetrying(document.error) ? () => void document.refetch() : undefined}
              isRetrying={document.isFetching}
            />
          </>
        ) : (
          <ReaderDocument document={document.data} url={url} />
        )}
      </div>
    </article>
  );
}
