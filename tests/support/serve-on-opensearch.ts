import { inject, vi } from 'vitest';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';
import type { ListenOptions, RunningServer } from '../../server/serve-index.ts';

/**
 * The setup file of the `opensearch-api` test project: the API tests written for the term index run
 * unchanged on OpenSearch. Serving an index (`serveIndex`, `serveMemoryIndex`) writes that very index
 * into the project's OpenSearch node under a prefix of its own and serves it with the OpenSearch
 * engine; closing the server deletes its indexes.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    opensearchApiUrls: string[];
  }
}

let served = 0;

async function serveOnOpenSearch(index: LoadedIndex, listen: ListenOptions): Promise<RunningServer> {
  const { writeOpenSearchBuild } = await import('./write-opensearch-build.ts');
  const { createOpenSearchEngine } = await import('../../server/engine/opensearch/opensearch-engine.ts');
  const real = await vi.importActual<typeof import('../../server/serve-index.ts')>('../../server/serve-index.ts');
  const urls = inject('opensearchApiUrls');
  const indexPrefix = `api-${process.pid}-${(served += 1)}`;
  const { remove } = await writeOpenSearchBuild(urls, indexPrefix, index);
  const running = await real.serveEngine(createOpenSearchEngine({ urls, indexPrefix }), listen);
  return { ...running, close: () => running.close().finally(remove) };
}

vi.mock('../../server/serve-index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/serve-index.ts')>();
  const { loadIndex } = await import('../../server/index/load-index.ts');
  return {
    ...real,
    serveIndex: async ({ indexDir, reloadIntervalMs: _reload, onIndexReload: _onReload, onIndexReloadError: _onError, recoverInterruptedWrite: _recover, ...listen }: import('../../server/serve-index.ts').ServeOptions) =>
      serveOnOpenSearch(await loadIndex(indexDir), listen),
  };
});

vi.mock('./memory-index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./memory-index.ts')>();
  return {
    ...real,
    serveMemoryIndex: async (index: LoadedIndex, options: Omit<ListenOptions, 'port'> = {}) => {
      const running = await serveOnOpenSearch(index, { ...options, port: 0 });
      return real.toTestServer(running.url, running.close);
    },
  };
});
