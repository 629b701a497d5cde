import { Router } from 'express';
import { z } from 'zod';
import type { ApiLimits, SuggestResponse } from '../../api/types.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { singleText, wholeNumber } from '../query-params.ts';
import { validateQuery } from '../validate-query.ts';

export const MAX_SUGGEST_QUERY: ApiLimits['suggestQuery'] = 200;

const suggestQuerySchema = z.strictObject({
  q: singleText('q', 'q is required (the text typed so far)', MAX_SUGGEST_QUERY),
  limit: wholeNumber('limit', 1, 20, 8),
});

/** `GET /api/suggest`: completions of what is being typed, from the corpus's words and titles. */
export function suggestRoute(engine: SearchEngine): Router {
  const router = Router();
  router.get('/api/suggest', async (request, response) => {
    const { q, limit } = validateQuery(suggestQuerySchema, request.query);
    const suggestions = await engine.suggest(q, limit);
    const body: SuggestResponse = { query: q, suggestions };
    response.json(body);
  });
  return router;
}
