import { buildIndex } from '../../indexer/index/build-index.ts';
import { findStaleReason } from '../../indexer/index/is-index-stale.ts';
import { formatBuildReport } from '../../indexer/format-build-report.ts';
import { ensureClientBuilt } from './ensure-client-built.ts';
import { readServeFlags } from './read-serve-flags.ts';
import { runServer } from './run-server.ts';

const USAGE = 'usage: npm start -- [--corpus DIR] [--index DIR] [--port N] [--host ADDR]   (builds the client and the index when they are out of date, then serves)';

const flags = readServeFlags(USAGE);
await ensureClientBuilt(flags.clientDir);

const staleReason = await findStaleReason(flags.corpusDir, flags.indexDir).catch((error: Error) => {
  console.error(`passim: cannot read the corpus folder ${flags.corpusDir}: ${error.message}`);
  process.exit(2);
});
if (staleReason) {
  console.log(`Indexing ${flags.corpusDir} (${staleReason})`);
  try {
    const report = await buildIndex({ corpusDir: flags.corpusDir, indexDir: flags.indexDir });
    console.log(formatBuildReport(report, flags.indexDir));
  } catch (error) {
    // The previous index, if there is one, is whole: serve it (runServer says so if there is none).
    console.error(`passim: indexing failed: ${(error as Error).message}`);
  }
}
await runServer(flags);
