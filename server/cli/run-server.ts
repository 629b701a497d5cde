import { IndexLoadError } from '../index/load-index.ts';
import { serveIndex } from '../serve-index.ts';
import type { ServeFlags } from './read-serve-flags.ts';

/** Serves until SIGINT/SIGTERM, then lets in-flight requests finish and exits. */
export async function runServer(flags: ServeFlags): Promise<void> {
  let running;
  try {
    running = await serveIndex({
      indexDir: flags.indexDir,
      port: flags.port,
      host: flags.host,
      clientDir: flags.clientDir,
      onIndexReload: (index) => console.log(`passim: now serving the index built ${index.manifest.builtAt} (${index.manifest.documentCount} documents)`),
      onIndexReloadError: (message) => console.error(`passim: ${message}`),
    });
  } catch (error) {
    if (error instanceof IndexLoadError) {
      console.error(`passim: ${error.message}`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`passim: port ${flags.port} is already in use. Stop the other server or choose another: --port N (or PORT=N)`);
      process.exit(1);
    }
    throw error;
  }
  const shown = flags.host === '127.0.0.1' ? `http://localhost:${new URL(running.url).port}` : running.url;
  console.log(`Passim is serving ${flags.indexDir} at ${shown}`);

  const stop = (signal: string) => {
    console.log(`passim: ${signal} received, finishing open requests`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
