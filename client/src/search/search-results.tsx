import type { SearchHit } from '../../../server/api/types.ts';
import { isWorthRetrying } from '../api/api-error.ts';
import { SEARCH_PAGE_SIZE, useSearch } from '../api/search.ts';
import { ErrorNotice } from '../layout/error-notice.tsx';
import { PanelErrorBoundary } from '../layout/panel-error-boundary.tsx';
import { InternalLink } from '../url/internal-link.tsx';
import { formatUrlSearch, type UrlState } from '../url/url-state.ts';
import type { UpdateUrlState } from '../url/use-url-state.ts';
import { useScrollRestoration } from '../url/use-scroll-restoration.ts';
import { EmptyResults } from './empty-results.tsx';
import { HitList } from './hit-list.tsx';
import { ResultPager } from './result-pager.tsx';
import { ResultSummary } from './result-summary.tsx';
import { SourceFacet } from './source-facet.tsx';

interface SearchResultsProps {
  url: UrlState;
  updateUrl: UpdateUrlState;
}

/** The source filter beside the results for a non-blank query. */
export function SearchResults({ url, updateUrl }: SearchResultsProps) {
  const search = useSearch({ q: url.q, source: url.sources, page: url.page, limit: SEARCH_PAGE_SIZE });
  const response = search.data;
  const viewKey = formatUrlSearch(url);
  useScrollRestoration(viewKey, response !== undefined && !search.isPlaceholderData);

  function toggleSource(source: string) {
    const sources = url.sources.includes(source)
      ? url.sources.filter((selected) => selected !== source)
      : [...url.sources, source];
    updateUrl({ sources, page: 1 }, 'push');
  }

  function clearSources() {
    updateUrl({ sources: [], page: 1 }, 'push');
  }

  const readerSearchFor = (hit: SearchHit) => formatUrlSearch({ ...url, doc: hit.docId, passage: hit.id });
  const searchForPage = (page: number) => formatUrlSearch({ ...url, page });

  return (
    <div className="layout">
      <aside className="layout-aside" aria-label="Filters">
        <PanelErrorBoundary panel="source filter" resetKey={viewKey}>
          <SourceFacet
            values={search.isError ? undefined : response?.facets.source}
            isLoading={search.isPending}
            selected={url.sources}
            onToggle={toggleSource}
            onClear={clearSources}
          />
        </PanelErrorBoundary>
      </aside>
      <main id="content" className="layout-main" tabIndex={-1} aria-busy={search.isFetching}>
        <h2 className="visually-hidden">Results</h2>
        <div className={search.isFetching ? 'progress progress-active' : 'progress'} aria-hidden="true" />
        <ResultSummary response={search.isError ? undefined : response} isLoading={search.isPending} />
        <PanelErrorBoundary panel="results" resetKey={viewKey}>
          {search.isError ? (
            <ErrorNotice
              title="The search failed."
              message={search.error.message}
              onRetry={isWorthRetrying(search.error) ? () => void search.refetch() : undefined}
              isRetrying={search.isFetching}
            />
          ) : response === undefined ? (
            <div className="hit-list-loading" />
          ) : response.total === 0 ? (
            <EmptyResults query={url.q.trim()} hasSourceFilter={url.sources.length > 0} onClearSources={clearSources} />
          ) : response.hits.length === 0 ? (
            <div className="notice">
              <p className="notice-title">This page is past the last result.</p>
              <InternalLink search={searchForPage(1)}>Go to the first page</InternalLink>
            </div>
          ) : (
            <div className={search.isPlaceholderData ? 'results results-stale' : 'results'}>
              <HitList hits={response.hits} readerSearchFor={readerSearchFor} />
              <ResultPager
                page={response.page}
                pageCount={Math.ceil(response.total / response.limit)}
                searchForPage={searchForPage}
              />
            </div>
          )}
        </PanelErrorBoundary>
      </main>
    </div>
  );
}
