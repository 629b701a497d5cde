import { Router } from 'express';
import type { HealthResponse } from '../../api/types.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';

/** `GET /api/health`: the server is up, which engine answers and which index it serves. */
export function healthRoute(engine: SearchEngine): Router {
  const router = Router();
  router.get('/api/health', async (_request, response) => {
    const { documents, passages, builtAt, archive } = await engine.health();
    const body: HealthResponse = { status: 'ok', documents, passages, builtAt, engine: engine.name, ...(archive === undefined ? {} : { archive }) };
    response.json(body);
  });
  return router;
}
