import { Router } from 'express';
import { z } from 'zod';
import type { DocumentResponse } from '../../api/types.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { presentDocument } from '../../search/present-document.ts';
import { HttpError } from '../http-error.ts';
import { singleText } from '../query-params.ts';
import { validateQuery } from '../validate-query.ts';
import { MAX_QUERY_LENGTH } from './search-route.ts';

const DOCUMENT_ID = /^[0-9a-f]{16}$/;

const documentQuerySchema = z.strictObject({
  q: singleText('q', 'q must be given once (the words to highlight)', MAX_QUERY_LENGTH).optional(),
});

/**
 * `GET /api/documents/:id`: a document's text, metadata and passage boundaries, for the reader; with
 * `?q=`, the ranges of every word the query matches, by the same rules as the search's highlights.
 */
export function documentsRoute(engine: SearchEngine): Router {
  const router = Router();
  router.get('/api/documents/:id', async (request, response) => {
    const id = request.params.id;
    if (!DOCUMENT_ID.test(id)) throw new HttpError(400, 'invalid_parameter', 'A document id is 16 hexadecimal digits (0123456789abcdef)');
    const { q } = validateQuery(documentQuerySchema, request.query);
    const found = await engine.document(id, q);
    if (!found) throw new HttpError(404, 'not_found', `No document with id ${id} in this index`);
    const body: DocumentResponse = presentDocument(found);
    response.json(body);
  });
  return router;
}
