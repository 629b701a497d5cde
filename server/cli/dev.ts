import { resolve } from 'node:path';
import { ensureIndexFresh } from './ensure-index-fresh.ts';
import { readServeFlags } from './read-serve-flags.ts';
import { runServer } from './run-server.ts';

const USAGE = 'usage: npm run dev -- [--corpus DIR] [--index DIR] [--port N]   (API on PORT or 3000, Vite dev server with hot reload on 5173)';

const flags = readServeFlags(USAGE);
// On OpenSearch the archive is built into the cluster (npm run index -- --engine opensearch), not into --index.
if (!flags.opensearch) await ensureIndexFresh(flags);
await runServer(flags);

// The Vite dev server proxies /api to the server above (client/vite.config.ts) and reloads the UI on save.
const { createServer } = await import('vite');
const vite = await createServer({
  configFile: resolve(import.meta.dirname, '../../client/vite.config.ts'),
  server: { proxy: { '/api': `http://127.0.0.1:${flags.port}` } },
});
await vite.listen();
vite.printUrls();
