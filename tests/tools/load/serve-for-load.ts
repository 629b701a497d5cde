import { serveIndex } from '../../../server/serve-index.ts';

/**
 * The server under load, in its own process as in production (`serveIndex`, what `npm run serve` runs),
 * started with `--expose-gc` and an IPC channel: the load test asks it for its memory after a full
 * collection, so growth measures what is kept, not what is merely not collected yet.
 */
const [indexDir] = process.argv.slice(2);
if (!indexDir || !process.send) throw new Error('usage: node --expose-gc --import tsx tests/tools/load/serve-for-load.ts INDEX_DIR (with an IPC channel)');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('serve-for-load needs --expose-gc');

let reloads = 0;
const running = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 250, onIndexReload: () => (reloads += 1), onIndexReloadError: (message) => console.error(message) });
process.send({ kind: 'listening', url: running.url });
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'memory') {
    gc();
    const { rss, heapUsed } = process.memoryUsage();
    process.send!({ kind: 'memory', rss, heapUsed, reloads });
  }
  if (message.kind === 'stop') running.close().then(() => process.exit(0), () => process.exit(1));
});
