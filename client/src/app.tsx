import type { MouseEvent } from 'react';
import { PanelErrorBoundary } from './layout/panel-error-boundary.tsx';
import { Reader } from './reader/reader.tsx';
import { SearchBox } from './search/search-box.tsx';
import { SearchResults } from './search/search-results.tsx';
import { StartState } from './search/start-state.tsx';
import { InternalLink } from './url/internal-link.tsx';
import { formatUrlSearch } from './url/url-state.ts';
import { useUrlState } from './url/use-url-state.ts';

export function App() {
  const [url, updateUrl] = useUrlState();
  const doc = url.doc;

  function commitQuery(q: string) {
    // Typing edits the current entry; leaving the reader by typing is a new view.
    updateUrl({ q, page: 1, doc: null, passage: null }, doc ? 'push' : 'replace');
  }

  return (
    <>
      <a className="skip-link" href="#content" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <h1 className="brand">
            <InternalLink search="">Passim</InternalLink>
          </h1>
          <SearchBox value={url.q} onCommit={commitQuery} />
        </div>
      </header>
      {doc !== null ? (
        <main id="content" className="page" tabIndex={-1}>
          <PanelErrorBoundary panel="document" resetKey={formatUrlSearch(url)}>
            <Reader url={{ ...url, doc }} />
          </PanelErrorBoundary>
        </main>
      ) : url.q.trim() === '' ? (
        <main id="content" className="page" tabIndex={-1}>
          <StartState />
        </main>
      ) : (
        <SearchResults url={url} updateUrl={updateUrl} />
      )}
    </>
  );
}

/** Moves focus without putting a #fragment in the URL, which holds only view state. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('content')?.focus();
}
