import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import express, { Router } from 'express';
import { HttpError } from './http-error.ts';

/** Cache lifetimes of the client's files. */
export const CLIENT_CACHE_CONTROL = {
  /** Vite names every file under `assets/` by its content's hash: a changed file has a new name. */
  hashedAsset: 'public, max-age=31536000, immutable',
  /** index.html names the current assets: revalidated on every load, so a rebuilt client is picked up. */
  page: 'no-cache',
  /** Anything else the build copies as is (no hash in its name). */
  other: 'public, max-age=3600',
} as const;

/** The Cache-Control of a file of the client at `root`. */
function cacheControlOf(root: string, path: string): string {
  if (path.endsWith('.html')) return CLIENT_CACHE_CONTROL.page;
  return path.startsWith(join(root, 'assets') + sep) ? CLIENT_CACHE_CONTROL.hashedAsset : CLIENT_CACHE_CONTROL.other;
}

/**
 * The built client: its files, and the app for any other page path (a bookmarked `/search?q=…` or
 * `/about`: the client keeps its state in the query). A missing file (`/robots.txt`, an old asset)
 * is a 404. `clientDir` may be relative: it is resolved once, here (`sendFile` needs an absolute path).
 * Undefined when the folder holds no built client: the server then answers the API only.
 */
export function serveClient(clientDir: string): Router | undefined {
  const root = resolve(clientDir);
  if (!existsSync(join(root, 'index.html'))) return undefined;
  const router = Router();
  router.use(express.static(root, { index: 'index.html', cacheControl: false, setHeaders: (response, path) => response.setHeader('Cache-Control', cacheControlOf(root, path)) }));
  router.get('/{*path}', (request, response, next) => {
    if (extname(request.path) !== '') {
      next(new HttpError(404, 'not_found', `No file ${request.path}`));
      return;
    }
    response.sendFile('index.html', { root, cacheControl: false, headers: { 'Cache-Control': CLIENT_CACHE_CONTROL.page } });
  });
  return router;
}
