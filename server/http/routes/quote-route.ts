import express, { Router } from 'express';
import { z } from 'zod';
import type { ApiLimits, QuoteResponse } from '../../api/types.ts';
import type { LoadedIndex } from '../../index/load-index.ts';
import { checkQuote } from '../../quote/check-quote.ts';
import { singleText } from '../query-params.ts';
import { MAX_QUOTE_BODY_BYTES } from '../refuse-request-body.ts';
import { requestOrigin } from '../request-origin.ts';
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
export function quoteRoute(getIndex: () => LoadedIndex): Router {
  const router = Router();
  router.get('/api/quote', (request, response) => {
    const { text } = validateQuery(quoteQuerySchema, request.query);
    const body: QuoteResponse = checkQuote(getIndex(), text, requestOrigin(request));
    response.json(body);
  });
  router.post('/api/quote', express.json({ limit: MAX_QUOTE_BODY_BYTES, strict: true }), (request, response) => {
    const { text } = validateQuery(quoteBodySchema, request.body ?? {});
    const body: QuoteResponse = checkQuote(getIndex(), text, requestOrigin(request));
    response.json(body);
  });
  return router;
}
