import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Suggestion } from '../../server/api/types.ts';
import { usePrefetchSearch } from './api/search.ts';
import { SelectionCopy } from './citation/selection-copy.tsx';
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
import { getLastNavigation } from './url/history-store.ts';
import { formatUrlSearch } from './url/url-state.ts';
import { formatPageTitle } from './url/format-page-title.ts';
import { useUrlState } from './url/use-url-state.ts';

/** A typed search left alone this long is settled: the next one typed gets a history entry of its own. */
export const SETTLED_AFTER_MS = 1500;

export function App() {
  const [url, updateUrl] = useUrlState();
  const [trayOpen, setTrayOpen] = useState(false);
  const closeTray = useCallback(() => setTrayOpen(false), []);
  const prefetchSearch = usePrefetchSearch();
  const doc = url.doc;
  // The search text whose last word is still being typed (matched as a prefix), or null.
  const [typingQuery, setTypingQuery] = useState<string | null>(null);
  // Whether the current history entry holds a settled search: typing then starts a new entry, so
  // Back returns to it; while a search is typed, each change edits the entry it started.
  const settled = useRef(true);
  const settleTimer = useRef<number | undefined>(undefined);
  const typing = typingQuery !== null && typingQuery === url.q;

  // Arriving by Back or Forward, or changing filters or the page, settles the search shown.
  const viewBesidesQuery = formatUrlSearch({ ...url, q: '' });
  // The view (besides the query) a search commit leads to: reaching it is no settling.
  const lastView = useRef(viewBesidesQuery);
  useEffect(() => {
    if (getLastNavigation() === 'pop') {
      settled.current = true;
      setTypingQuery(null);
    }
  }, [url]);
  useEffect(() => {
    if (viewBesidesQuery !== lastView.current) settled.current = true;
    lastView.current = viewBesidesQuery;
  }, [viewBesidesQuery]);
  useEffect(() => () => window.clearTimeout(settleTimer.current), []);

  useEffect(() => {
    document.title = formatPageTitle(url.q);
  }, [url.q]);

  function commitQuery(q: string, isSettled: boolean) {
    prefetchSearch({ ...url, q, page: 1, typing: !isSettled });
    // Clearing the box keeps what it held one Back away.
    const clearing = q.trim() === '' && url.q.trim() !== '';
    lastView.current = formatUrlSearch({ ...url, q: '', page: 1, doc: null, passage: null, check: null });
    updateUrl({ q, page: 1, doc: null, passage: null, check: null }, doc || settled.current || clearing ? 'push' : 'replace');
    setTypingQuery(isSettled ? null : q);
    window.clearTimeout(settleTimer.current);
    settled.current = isSettled;
    if (!isSettled) {
      settleTimer.current = window.setTimeout(() => {
        settled.current = true;
      }, SETTLED_AFTER_MS);
    }
  }

  function pickSuggestion(suggestion: Suggestion, typed: string) {
    if (suggestion.docId) updateUrl({ q: typed, page: 1, doc: suggestion.docId, passage: null, check: null }, 'push');
    else commitQuery(suggestion.text, true);
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
        <SearchResults url={url} updateUrl={updateUrl} typing={typing} />
      )}
      <PanelErrorBoundary panel="clipboard" resetKey={String(trayOpen)}>
        <TrayPanel open={trayOpen} onClose={closeTray} />
      </PanelErrorBoundary>
      <SelectionCopy />
    </>
  );
}

/** Moves focus without putting a #fragment in the URL, which holds only view state. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('content')?.focus();
}
