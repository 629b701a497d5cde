import { Router } from 'express';
import { z } from 'zod';
import type { SearchResponse } from '../../api/types.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { presentSearch } from '../../search/present-search.ts';
import { repeatable, singleText, wholeNumber } from '../query-params.ts';
import { requestOrigin } from '../request-origin.ts';
import { validateQuery } from '../validate-query.ts';

/**
 * Longest `q` accepted. The query reader uses the first 1000 characters and says so in
 * `interpretation.notes`: a long paste degrades instead of failing.
 */
export const MAX_QUERY_LENGTH = 20_000;
export const MAX_LIMIT = 50;
export const MAX_PAGE = 1000;
const MAX_FILTER_VALUES = 50;

const facetValue = (name: string) => z.string().min(1, `${name} must not be empty`).max(200, `${name} is too long`);

const searchQuerySchema = z.strictObject({
  q: singleText('q', 'q is required (the words to search for)', MAX_QUERY_LENGTH),
  source: repeatable(facetValue('source'), MAX_FILTER_VALUES, 'source'),
  speaker: repeatable(facetValue('speaker'), MAX_FILTER_VALUES, 'speaker'),
  lang: repeatable(z.string().regex(/^[A-Za-z]{2,3}$/, 'lang must be a language code such as en or fr'), MAX_FILTER_VALUES, 'lang'),
  year: repeatable(z.string().regex(/^\d{4}$/, 'year must be a four-digit year'), MAX_FILTER_VALUES, 'year'),
  page: wholeNumber('page', 1, MAX_PAGE, 1),
  limit: wholeNumber('limit', 1, MAX_LIMIT, 10),
});

/** `GET /api/search`: passages matching a query, with facets, snippets and citations. */
export function searchRoute(engine: SearchEngine): Router {
  const router = Router();
  router.get('/api/search', async (request, response) => {
    const params = validateQuery(searchQuerySchema, request.query);
    const startedAt = performance.now();
    const searchRequest = {
      q: params.q,
      sources: params.source,
      speakers: params.speaker,
      langs: params.lang,
      years: params.year,
      page: params.page,
      limit: params.limit,
      baseUrl: requestOrigin(request),
    };
    const body: SearchResponse = presentSearch(await engine.search(searchRequest), searchRequest, startedAt);
    response.json(body);
  });
  return router;
}
