import { Router } from 'express';
import { z } from 'zod';
import type { SearchResponse } from '../../api/types.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { presentSearch } from '../../search/present-search.ts';
import { repeatable, singleText, wholeNumber } from '../query-params.ts';
import type { LinkBase } from '../public-url.ts';
import { validateQuery } from '../validate-query.ts';

/**
 * Longest `q` accepted, in characters. The query reader uses the first 1000 and says so in
 * `interpretation.notes`, so a paste a little longer degrades instead of failing. 1500 is what always
 * fits in the 16 KB Node allows for a request's address and headers (answer-client-errors.ts): a
 * character takes at most 9 bytes %-encoded (3 UTF-8 bytes, `%E0%A4%9C`), 13.5 KB, with room left for
 * the other headers. A longer limit would be a promise the server breaks with a 431.
 */
export const MAX_QUERY_LENGTH = 1500;
export const MAX_LIMIT = 50;
export const MAX_PAGE = 1000;
const MAX_FILTER_VALUES = 50;

const facetValue = (name: string) => z.string().min(1, `${name} must not be empty`).max(200, `${name} must be at most 200 characters`);

const searchQuerySchema = z.strictObject({
  q: singleText('q', 'q is required (the words to search for)', MAX_QUERY_LENGTH),
  source: repeatable(facetValue('source'), MAX_FILTER_VALUES, 'source'),
  speaker: repeatable(facetValue('speaker'), MAX_FILTER_VALUES, 'speaker'),
  lang: repeatable(z.string().regex(/^[A-Za-z]{2,3}$/, 'lang must be a language code such as en or fr'), MAX_FILTER_VALUES, 'lang'),
  year: repeatable(z.string().regex(/^\d{4}$/, 'year must be a four-digit year'), MAX_FILTER_VALUES, 'year'),
  sort: z.enum(['relevance', 'newest', 'oldest'], { error: 'sort must be relevance, newest or oldest' }).optional().transform((sort) => sort ?? 'relevance'),
  page: wholeNumber('page', 1, MAX_PAGE, 1),
  limit: wholeNumber('limit', 1, MAX_LIMIT, 10),
});

/** `GET /api/search`: passages matching a query, with facets and snippets, best first or by date. */
export function searchRoute(engine: SearchEngine, publicUrl: LinkBase): Router {
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
      sort: params.sort,
      baseUrl: publicUrl(request),
    };
    const body: SearchResponse = presentSearch(await engine.search(searchRequest), searchRequest, startedAt);
    response.json(body);
  });
  return router;
}
