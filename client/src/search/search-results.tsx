import { useCallback, useMemo } from 'react';
import type { SearchHit } from '../../../server/api/types.ts';
import { isWorthRetrying } from '../api/api-error.ts';
import { isWideYearRange, useSearch, withoutYearFilter } from '../api/search.ts';
import { ActiveFilters } from '../facets/active-filters.tsx';
import { FacetPanel } from '../facets/facet-panel.tsx';
import { useHitKeyboard } from '../keyboard/use-hit-keyboard.ts';
import { ErrorNotice } from '../layout/error-notice.tsx';
import { PanelErrorBoundary } from '../layout/panel-error-boundary.tsx';
import { InternalLink } from '../url/internal-link.tsx';
import { useExpandedGroups } from '../url/use-expanded-groups.ts';
import { formatUrlSearch, hasFilters, NO_FILTERS, type FilterState, type UrlState } from '../url/url-state.ts';
import type { UpdateUrlState } from '../url/use-url-state.ts';
import { useScrollRestoration } from '../url/use-scroll-restoration.ts';
import { QuoteOffer } from '../quote/quote-offer.tsx';
import { readsAsQuote } from '../quote/reads-as-quote.ts';
import { EmptyResults } from './empty-results.tsx';
import { HitList } from './hit-list.tsx';
import { QueryFeedback } from './query-feedback.tsx';
import { QueryTermsContext } from './query-terms-context.ts';
import { ResultPager } from './result-pager.tsx';
import { ResultSummary } from './result-summary.tsx';
import { SortControl } from './sort-control.tsx';
import { useDelayedFlag } from './use-delayed-flag.ts';
import { useValueAfterPaint } from './use-value-after-paint.ts';

/** How long a search runs before the page shows that it is loading. */
const SLOW_SEARCH_MS = 200;

interface SearchResultsProps {
  url: UrlState;
  updateUrl: UpdateUrlState;
  /** The last word of the query is still being typed (it also matches as a prefix). */
  typing: boolean;
}

/** The filters beside the results for a non-blank query. */
export function SearchResults({ url, updateUrl, typing }: SearchResultsProps) {
  const search = useSearch({ ...url, typing });
  const response = search.isError ? undefined : search.data;
  // A wide year range narrows the year counts too (see toSearchRequest); the histogram takes
  // them from the same search without the range, usually already in the cache.
  const wideYears = isWideYearRange(url);
  const allYears = useSearch({ ...url, typing, years: null, page: 1 }, wideYears);
  const wideYearCounts = wideYears ? allYears.data?.facets.year : undefined;
  const facets = useMemo(
    () => (response && wideYearCounts ? { ...response.facets, year: wideYearCounts } : response?.facets),
    [response, wideYearCounts],
  );
  // The year counts' matches without a date, from the search the year counts come from.
  const undated = wideYears ? allYears.data?.undated : response?.undated;
  // New results paint first; the filter panel's counts follow a frame later.
  const panelFacets = useValueAfterPaint(facets);
  const panelUndated = useValueAfterPaint(undated);
  // One object per set of filters, so the filter panel does not re-render while a query is typed.
  const { sources, speakers, langs, years } = url;
  const filters = useMemo<FilterState>(() => ({ sources, speakers, langs, years }), [sources, speakers, langs, years]);
  const viewKey = formatUrlSearch(url);
  const [expanded, toggleExpanded] = useExpandedGroups(viewKey);
  useScrollRestoration(viewKey, search.data !== undefined && !search.isPlaceholderData);
  useHitKeyboard(response?.hits);
  const slow = useDelayedFlag(search.isFetching, SLOW_SEARCH_MS);

  const changeFilters = useCallback((changed: Partial<FilterState>) => updateUrl({ ...changed, page: 1 }, 'push'), [updateUrl]);

  const readerSearchFor = useCallback((hit: SearchHit) => formatUrlSearch({ ...url, doc: hit.docId, passage: hit.id }), [url]);
  const searchForPage = (page: number) => formatUrlSearch({ ...url, page });
  const searchForText = (q: string) => formatUrlSearch({ ...url, q: withoutYearFilter(q, url), page: 1 });
  const filtered = hasFilters(url);
  const interpretation = response?.interpretation;
  const termTexts = interpretation?.terms.map((term) => term.text).join('\n') ?? '';
  // A hit may lack one term from three on, unless an OR group makes "missing" ambiguous.
  const missableTerms = useMemo(
    () => (termTexts === '' || interpretation?.matchMode !== 'all' || / OR /.test(interpretation.readAs) ? [] : termTexts.split('\n')),
    [termTexts, interpretation?.matchMode, interpretation?.readAs],
  );

  return (
    <div className="layout">
      <aside className="layout-aside" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          Filters
        </h2>
        <PanelErrorBoundary panel="filters" resetKey={viewKey}>
          <FacetPanel
            facets={panelFacets}
            undated={panelUndated}
            estimated={wideYears ? { ...response?.facetIsEstimate, year: allYears.data?.facetIsEstimate?.year } : response?.facetIsEstimate}
            isLoading={search.isPending || (panelFacets === undefined && facets !== undefined)}
            filters={filters}
            onChange={changeFilters}
          />
        </PanelErrorBoundary>
      </aside>
      <main id="content" className="layout-main" tabIndex={-1} aria-busy={search.isFetching}>
        <h2 className="visually-hidden">Results</h2>
        <div className={slow ? 'progress progress-active' : 'progress'} aria-hidden="true" />
        {readsAsQuote(url.q) && <QuoteOffer checkView={formatUrlSearch({ ...url, page: 1, check: 'quote' })} />}
        <div className="results-toolbar">
          <ResultSummary response={response} isLoading={search.isPending} />
          <SortControl value={url.sort} onChange={(sort) => updateUrl({ sort, page: 1 }, 'push')} />
        </div>
        <ActiveFilters filters={filters} facets={response?.facets} onChange={changeFilters} />
        <PanelErrorBoundary panel="results" resetKey={viewKey}>
          {search.isError ? (
            <ErrorNotice
              title={isWorthRetrying(search.error) ? 'The search failed.' : 'This search cannot be run.'}
              message={search.error.message}
              onRetry={isWorthRetrying(search.error) ? () => void search.refetch() : undefined}
              isRetrying={search.isFetching}
            />
          ) : response === undefined ? (
            <div className="hit-list-loading" />
          ) : (
            <div
              className={search.isPlaceholderData && slow ? 'results results-stale' : 'results'}
              data-results-for={search.isPlaceholderData ? undefined : response.query}
            >
              <QueryFeedback response={response} searchFor={searchForText} />
              {response.total === 0 ? (
                <EmptyResults query={url.q.trim()} filters={filters} hasFilters={filtered} facets={facets} onChangeFilters={changeFilters} onClearFilters={() => changeFilters(NO_FILTERS)} />
              ) : response.hits.length === 0 ? (
                <div className="notice">
                  <p className="notice-title">This page is past the last result.</p>
                  <InternalLink search={searchForPage(1)}>Go to the first page</InternalLink>
                </div>
              ) : (
                <QueryTermsContext.Provider value={missableTerms.length >= 3 ? missableTerms : []}>
                  <HitList
                    hits={response.hits}
                    stale={search.isPlaceholderData}
                    readerSearchFor={readerSearchFor}
                    query={url.q.trim()}
                    expanded={expanded}
                    onToggleExpanded={toggleExpanded}
                  />
                  <ResultPager
                    page={response.page}
                    pageCount={Math.ceil(response.total / response.limit)}
                    searchForPage={searchForPage}
                  />
                </QueryTermsContext.Provider>
              )}
            </div>
          )}
        </PanelErrorBoundary>
      </main>
    </div>
  );
}
