import { Router } from 'express';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { presentPassage } from '../../search/present-passage.ts';
import { HttpError } from '../http-error.ts';
import type { LinkBase } from '../public-url.ts';

export const PASSAGE_ID = /^[0-9a-f]{16}-p\d{1,6}$/;
export const PASSAGE_ID_MESSAGE = 'A passage id is a document id, "-p" and a number (0123456789abcdef-p3)';

/** `GET /api/passages/:id`: one passage, its document's labels, and how to cite it. */
export function passagesRoute(engine: SearchEngine, publicUrl: LinkBase): Router {
  const router = Router();
  router.get('/api/passages/:id', async (request, response) => {
    const id = request.params.id;
    if (!PASSAGE_ID.test(id)) throw new HttpError(400, 'invalid_parameter', PASSAGE_ID_MESSAGE);
    if (Object.keys(request.query).length > 0) throw new HttpError(400, 'invalid_parameter', `Unknown parameter "${Object.keys(request.query)[0]}": this endpoint takes none`);
    const found = await engine.passage(id);
    if (!found) throw new HttpError(404, 'not_found', `No passage with id ${id} in this index`);
    response.json(await presentPassage(found.entry, found.text, publicUrl(request)));
  });
  return router;
}
