import express, { Router } from 'express';
import { z } from 'zod';
import type { ApiLimits, QuoteResponse } from '../../api/types.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { HttpError } from '../http-error.ts';
import { singleText } from '../query-params.ts';
import { MAX_QUOTE_BODY_BYTES } from '../refuse-request-body.ts';
import type { LinkBase } from '../public-url.ts';
import { validateQuery } from '../validate-query.ts';

export const MAX_QUOTE_GET_LENGTH: ApiLimits['quoteGet'] = 5000;
export const MAX_QUOTE_POST_LENGTH: ApiLimits['quotePost'] = 20000;

const quoteText = (maxLength: number, longer: string) =>
  z.strictObject({ text: singleText('text', 'text is required (the quote to check)', Number.POSITIVE_INFINITY).refine((text) => text.length <= maxLength, longer) });

const quoteQuerySchema = quoteText(MAX_QUOTE_GET_LENGTH, `text must be at most ${MAX_QUOTE_GET_LENGTH} characters in the address: send a longer quote with POST /api/quote and a JSON body { "text": … }`);
const quoteBodySchema = quoteText(MAX_QUOTE_POST_LENGTH, `text must be at most ${MAX_QUOTE_POST_LENGTH} characters`);

/**
 * `GET /api/quote?text=` and `POST /api/quote` `{ "text": … }`: where a pasted quote comes from, whether
 * it was quoted right, word by word, and where else the archive has the same words.
 */
export function quoteRoute(engine: SearchEngine, publicUrl: LinkBase): Router {
  const router = Router();
  const check = async (text: string, baseUrl: string): Promise<QuoteResponse> => {
    if (!engine.checkQuote) throw new HttpError(501, 'unsupported', `The ${engine.name} engine this server runs on does not check quotes.`);
    return engine.checkQuote(text, baseUrl);
  };
  router.get('/api/quote', async (request, response) => {
    const { text } = validateQuery(quoteQuerySchema, request.query);
    response.json(await check(text, publicUrl(request)));
  });
  router.post('/api/quote', express.json({ limit: MAX_QUOTE_BODY_BYTES, strict: true }), async (request, response) => {
    const { text } = validateQuery(quoteBodySchema, request.body ?? {});
    response.json(await check(text, publicUrl(request)));
  });
  return router;
}
