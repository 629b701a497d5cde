import { readServeFlags } from './read-serve-flags.ts';
import { runServer } from './run-server.ts';

const USAGE = 'usage: npm run serve -- [--index DIR] [--port N] [--host ADDR] [--client DIR] [--workers N|auto] [--public-url URL]   (defaults: data/index, PORT or 3000, HOST or 127.0.0.1, client/dist, PASSIM_WORKERS or 1)';

await runServer(readServeFlags(USAGE));
