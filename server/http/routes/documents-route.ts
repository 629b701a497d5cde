import { Router } from 'express';
import { z } from 'zod';
import type { DocumentResponse } from '../../api/types.ts';
import type { LoadedIndex } from '../../index/loaded-index.ts';
import { describeQuery, listQueryTerms } from '../../query/describe-query.ts';
import { parseQuery } from '../../query/parse-query.ts';
import { matchNodes } from '../../query/query-tree.ts';
import { widenForIndex } from '../../search/widen-for-index.ts';
import { findHighlights } from '../../search/find-highlights.ts';
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
export function documentsRoute(getIndex: () => LoadedIndex): Router {
  const router = Router();
  router.get('/api/documents/:id', (request, response) => {
    const id = request.params.id;
    if (!DOCUMENT_ID.test(id)) throw new HttpError(400, 'invalid_parameter', 'Invalid parameter "id": a document id is 16 hexadecimal digits');
    const { q } = validateQuery(documentQuerySchema, request.query);
    const document = getIndex().documents.get(id);
    if (!document) throw new HttpError(404, 'not_found', `No document with id ${id} in this index`);
    const body: DocumentResponse = {
      id: document.id,
      title: document.title,
      source: document.source,
      sourceName: document.sourceName,
      text: document.text,
      passages: document.passages.map(({ id: passageId, ordinal, start, end, speaker, page }) => ({
        id: passageId,
        ordinal,
        start,
        end,
        ...(speaker === undefined ? {} : { speaker }),
        ...(page === undefined ? {} : { page }),
      })),
      ...(document.date === undefined ? {} : { date: document.date }),
      ...(document.lang === undefined ? {} : { lang: document.lang }),
      ...(document.url === undefined ? {} : { url: document.url }),
    };
    if (q !== undefined) {
      const { tree } = widenForIndex(getIndex(), parseQuery(q));
      body.highlights = findHighlights(document.text, matchNodes(tree)).map(({ start, end, term }) => ({ start, end, term }));
      body.interpretation = { readAs: describeQuery(tree), matchMode: 'all', terms: listQueryTerms(tree), notes: tree.notes };
    }
    response.json(body);
  });
  return router;
}
