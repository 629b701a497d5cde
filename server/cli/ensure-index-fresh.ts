import { buildIndex } from '../../indexer/build/build-index.ts';
import { findStaleReason } from '../../indexer/build/is-index-stale.ts';
import { formatBuildReport } from '../../indexer/format-build-report.ts';
import type { ServeFlags } from './read-serve-flags.ts';

/** Indexes the corpus when the index is missing or older than it; a failed build leaves the old index to serve. */
export async function ensureIndexFresh(flags: ServeFlags): Promise<void> {
  const staleReason = await findStaleReason(flags.corpusDir, flags.indexDir).catch((error: Error) => {
    console.error(`passim: cannot read the corpus folder ${flags.corpusDir}: ${error.message}`);
    process.exit(2);
  });
  if (!staleReason) return;
  console.log(`Indexing ${flags.corpusDir} (${staleReason})`);
  try {
    const report = await buildIndex({ corpusDir: flags.corpusDir, indexDir: flags.indexDir });
    console.log(formatBuildReport(report, flags.indexDir));
  } catch (error) {
    // The previous index, if there is one, is whole: serve it (runServer says so if there is none).
    console.error(`passim: indexing failed: ${(error as Error).message}`);
  }
}
