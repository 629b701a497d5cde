import { Router } from 'express';
import type { PassageResponse } from '../../api/types.ts';
import { buildCitation } from '../../citation/build-citation.ts';
import type { LoadedIndex } from '../../index/loaded-index.ts';
import { describePassage } from '../../search/describe-passage.ts';
import { HttpError } from '../http-error.ts';
import { requestOrigin } from '../request-origin.ts';

const PASSAGE_ID = /^[0-9a-f]{16}-p\d{1,6}$/;

/** `GET /api/passages/:id`: one passage, its document's labels, and how to cite it. */
export function passagesRoute(getIndex: () => LoadedIndex): Router {
  const router = Router();
  router.get('/api/passages/:id', (request, response) => {
    const id = request.params.id;
    if (!PASSAGE_ID.test(id)) throw new HttpError(400, 'invalid_parameter', 'Invalid parameter "id": a passage id is a document id, "-p" and a number (0123456789abcdef-p3)');
    if (Object.keys(request.query).length > 0) throw new HttpError(400, 'invalid_parameter', `Unknown parameter "${Object.keys(request.query)[0]}": this endpoint takes none`);
    const entry = getIndex().passages.get(id);
    if (!entry) throw new HttpError(404, 'not_found', `No passage with id ${id} in this index`);
    const { document, passage } = entry;
    const body: PassageResponse = {
      ...describePassage(entry),
      ...(document.date === undefined ? {} : { date: document.date }),
      ...(document.lang === undefined ? {} : { lang: document.lang }),
      ...(document.url === undefined ? {} : { url: document.url }),
      ...(passage.page === undefined ? {} : { page: passage.page }),
      citation: buildCitation(entry, requestOrigin(request)),
    };
    response.json(body);
  });
  return router;
}
