// Starts the citation thread: Passim runs as TypeScript through tsx, and the thread loads its module
// through tsx's API whether or not the process itself was started with tsx (a test runner, a plain `node`).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
