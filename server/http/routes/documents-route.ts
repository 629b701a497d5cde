import { Router } from 'express';
import type { DocumentResponse } from '../../api/types.ts';
import type { LoadedIndex } from '../../index/load-index.ts';
import { HttpError } from '../http-error.ts';

const DOCUMENT_ID = /^[0-9a-f]{16}$/;

/** `GET /api/documents/:id`: a document's text and passage boundaries, for the reader. */
export function documentsRoute(getIndex: () => LoadedIndex): Router {
  const router = Router();
  router.get('/api/documents/:id', (request, response) => {
    const id = request.params.id;
    if (!DOCUMENT_ID.test(id)) throw new HttpError(400, 'invalid_parameter', 'Invalid parameter "id": a document id is 16 hexadecimal digits');
    const document = getIndex().documents.get(id);
    if (!document) throw new HttpError(404, 'not_found', `No document with id ${id} in this index`);
    const body: DocumentResponse = {
      id: document.id,
      title: document.title,
      source: document.source,
      sourceName: document.sourceName,
      text: document.text,
      passages: document.passages.map(({ id: passageId, ordinal, start, end, speaker }) => ({
        id: passageId,
        ordinal,
        start,
        end,
        ...(speaker === undefined ? {} : { speaker }),
      })),
    };
    response.json(body);
  });
  return router;
}
