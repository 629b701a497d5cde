import { createOpenSearchClient } from '../../indexer/opensearch/opensearch-client.ts';
import { writeOpenSearchBuild as writeBuild, type OpenSearchWriteReport } from '../../indexer/opensearch/write-opensearch-build.ts';
import { readStoredDocument, type LoadedIndex } from '../../server/index/loaded-index.ts';

export interface TestBuildOptions {
  version?: string;
  shards?: number;
  replicas?: number;
}

/**
 * Writes an index loaded in a test (built from a corpus, or in memory) into OpenSearch under
 * `indexPrefix` with the indexer's writer, and moves the aliases to it (the build before is removed);
 * `remove` deletes every index of the prefix.
 */
export async function writeOpenSearchBuild(urls: string[], indexPrefix: string, index: LoadedIndex, options: TestBuildOptions = {}): Promise<OpenSearchWriteReport & { remove: () => Promise<void> }> {
  const client = createOpenSearchClient({ urls, indexPrefix, timeoutMs: 120_000 });
  try {
    const report = await writeBuild({ manifest: index.manifest, documents: [...index.documents.values()].map((document) => readStoredDocument(index, document)), terms: index.terms }, { client, indexPrefix, ...options });
    return {
      ...report,
      remove: async () => {
        const cleaner = createOpenSearchClient({ urls, indexPrefix, timeoutMs: 60_000 });
        await cleaner.request({ method: 'DELETE', path: `/${indexPrefix}-*` }).finally(() => cleaner.close());
      },
    };
  } finally {
    client.close();
  }
}
