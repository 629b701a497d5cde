import { isWorthRetrying } from '../api/api-error.ts';
import { useDocument } from '../api/document.ts';
import { ErrorNotice } from '../layout/error-notice.tsx';
import type { UrlState } from '../url/url-state.ts';
import { BackLink } from './back-link.tsx';
import { ReaderDocument } from './reader-document.tsx';

interface ReaderProps {
  url: UrlState & { doc: string };
}

/** A whole document, opened at a passage from a hit or a citation, with the search's words marked. */
export function Reader({ url }: ReaderProps) {
  const document = useDocument(url.doc, url.q);

  return (
    <article className="reader" aria-labelledby="reader-title" aria-busy={document.isPending}>
      {document.isSuccess ? (
        <ReaderDocument document={document.data} url={url} />
      ) : (
        <>
          <div className="reader-aside">
            <BackLink url={url} />
          </div>
          <div className="reader-main">
            {document.isPending ? (
              <p id="reader-title" className="reader-title reader-title-loading" role="status">
                Loading document…
              </p>
            ) : (
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
            )}
          </div>
        </>
      )}
    </article>
  );
}
