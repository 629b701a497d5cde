import { ensureClientBuilt } from './ensure-client-built.ts';
import { ensureIndexFresh } from './ensure-index-fresh.ts';
import { readServeFlags } from './read-serve-flags.ts';
import { runServer } from './run-server.ts';

const USAGE = 'usage: npm start -- [--corpus DIR] [--index DIR] [--port N] [--host ADDR] [--workers N|auto] [--public-url URL]   (builds the client and the index when they are out of date, then serves)';

const flags = readServeFlags(USAGE);
await ensureClientBuilt(flags.clientDir);
// On OpenSearch the archive is built into the cluster (npm run index -- --engine opensearch), not into --index.
if (!flags.opensearch) await ensureIndexFresh(flags);
await runServer(flags);
