import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findNewestChange } from '../../indexer/corpus/find-newest-change.ts';

const CLIENT_ROOT = resolve(import.meta.dirname, '../../client');
const API_TYPES = resolve(import.meta.dirname, '../api/types.ts');

/** Builds the production client into `outDir` with Vite, as `npm run build` does. */
export async function buildClient(outDir: string): Promise<void> {
  // Loaded only when needed: serving an existing build should not pay for Vite.
  const { build } = await import('vite');
  await build({ configFile: join(CLIENT_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: resolve(outDir), emptyOutDir: true } });
}

/** Builds the client unless `clientDir` already holds a build newer than its sources. */
export async function ensureClientBuilt(clientDir: string): Promise<void> {
  const builtIndex = join(clientDir, 'index.html');
  if (existsSync(builtIndex)) {
    const builtAt = (await stat(builtIndex)).mtimeMs;
    const sourcesChangedAt = Math.max(await findNewestChange(CLIENT_ROOT, new Set(['dist', 'node_modules'])), (await stat(API_TYPES)).mtimeMs);
    if (builtAt > sourcesChangedAt) return;
  }
  console.log('Building the web client');
  await buildClient(clientDir);
  console.log(`Web client built into ${clientDir}`);
}
