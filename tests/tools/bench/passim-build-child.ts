/**
 * Builds a Passim index in its own process, then loads it as the server does, and prints one JSON
 * line with the build time, the build's peak memory and the load time:
 * `tsx tests/tools/bench/passim-build-child.ts <corpusDir> <indexDir>`.
 */
import { buildIndex } from '../../../indexer/build/build-index.ts';
import { loadServedIndex } from '../../../server/load-served-index.ts';

const [corpusDir, indexDir] = process.argv.slice(2);
const report = await buildIndex({ corpusDir: corpusDir!, indexDir: indexDir! });
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const loadStart = performance.now();
await loadServedIndex(indexDir!);
const loadSeconds = (performance.now() - loadStart) / 1000;
console.log(
  JSON.stringify({
    buildSeconds: report.durationMs / 1000,
    peakRssMb,
    loadSeconds,
    indexBytes: report.indexBytes,
    documents: report.documents,
    passages: report.passages,
  }),
);
