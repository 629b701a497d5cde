import { Router } from 'express';
import type { HealthResponse } from '../../api/types.ts';
import type { LoadedIndex } from '../../index/loaded-index.ts';

/** `GET /api/health`: the server is up and which index it serves. */
export function healthRoute(getIndex: () => LoadedIndex): Router {
  const router = Router();
  router.get('/api/health', (_request, response) => {
    const { manifest } = getIndex();
    const body: HealthResponse = { status: 'ok', documents: manifest.documentCount, passages: manifest.passageCount, builtAt: manifest.builtAt };
    response.json(body);
  });
  return router;
}
