import { useCallback, useState, type MouseEvent } from 'react';
import type { Suggestion } from '../../server/api/types.ts';
import { usePrefetchSearch } from './api/search.ts';
import { PanelErrorBoundary } from './layout/panel-error-boundary.tsx';
import { QuoteCheck } from './quote/quote-check.tsx';
import { Reader } from './reader/reader.tsx';
import { SearchBox } from './search/search-box.tsx';
import { SearchResults } from './search/search-results.tsx';
import { StartState } from './search/start-state.tsx';
import { SyntaxHelp } from './search/syntax-help.tsx';
import { TrayButton } from './tray/tray-button.tsx';
import { TrayPanel } from './tray/tray-panel.tsx';
import { InternalLink } from './url/internal-link.tsx';
import { formatUrlSearch } from './url/url-state.ts';
import { useUrlState } from './url/use-url-state.ts';

export function App() {
  const [url, updateUrl] = useUrlState();
  const [trayOpen, setTrayOpen] = useState(false);
  const closeTray = useCallback(() => setTrayOpen(false), []);
  const prefetchSearch = usePrefetchSearch();
  const doc = url.doc;

  function commitQuery(q: string) {
    prefetchSearch({ ...url, q, page: 1 });
    // Typing edits the current entry; leaving the reader by typing is a new view.
    updateUrl({ q, page: 1, doc: null, passage: null, check: null }, doc ? 'push' : 'replace');
  }

  function pickSuggestion(suggestion: Suggestion, typed: string) {
    if (suggestion.docId) updateUrl({ q: typed, page: 1, doc: suggestion.docId, passage: null }, 'push');
    else commitQuery(suggestion.text);
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
          <SearchBox value={url.q} onCommit={commitQuery} onPickSuggestion={pickSuggestion} />
          <div className="header-tools">
            <SyntaxHelp />
            <TrayButton onOpen={() => setTrayOpen(true)} />
          </div>
        </div>
      </header>
      {doc !== null ? (
        <main id="content" className="page" tabIndex={-1}>
          <PanelErrorBoundary panel="document" resetKey={formatUrlSearch(url)}>
            <Reader url={{ ...url, doc }} />
          </PanelErrorBoundary>
        </main>
      ) : url.check === 'quote' && url.q.trim() !== '' ? (
        <main id="content" className="page" tabIndex={-1}>
          <PanelErrorBoundary panel="quote check" resetKey={formatUrlSearch(url)}>
            <QuoteCheck text={url.q.trim()} searchView={formatUrlSearch({ ...url, check: null })} />
          </PanelErrorBoundary>
        </main>
      ) : url.q.trim() === '' ? (
        <main id="content" className="page" tabIndex={-1}>
          <StartState />
        </main>
      ) : (
        <SearchResults url={url} updateUrl={updateUrl} />
      )}
      <PanelErrorBoundary panel="clipboard" resetKey={String(trayOpen)}>
        <TrayPanel open={trayOpen} onClose={closeTray} />
      </PanelErrorBoundary>
    </>
  );
}

/** Moves focus without putting a #fragment in the URL, which holds only view state. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('content')?.focus();
}
