import { Router } from 'express';
import { z } from 'zod';
import type { SearchResponse } from '../../api/types.ts';
import type { LoadedIndex } from '../../index/load-index.ts';
import { runSearch } from '../../search/run-search.ts';
import { validateQuery } from '../validate-query.ts';

export const MAX_QUERY_LENGTH = 1000;
export const MAX_LIMIT = 50;
export const MAX_PAGE = 1000;

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .optional()
    .transform((value) => value ?? fallback);

const sourceName = z.string().min(1, 'source must not be empty').max(200, 'source is too long');

const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required (the words to search for)' })
    .trim()
    .min(1, 'q must not be empty')
    .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`),
  source: z
    .union([sourceName, z.array(sourceName)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  page: wholeNumber('page', 1, MAX_PAGE, 1),
  limit: wholeNumber('limit', 1, MAX_LIMIT, 10),
});

/** `GET /api/search`: passages matching a query, with source facets. */
export function searchRoute(getIndex: () => LoadedIndex): Router {
  const router = Router();
  router.get('/api/search', (request, response) => {
    const params = validateQuery(searchQuerySchema, request.query);
    const body: SearchResponse = runSearch(getIndex(), { q: params.q, sources: params.source, page: params.page, limit: params.limit });
    response.json(body);
  });
  return router;
}
