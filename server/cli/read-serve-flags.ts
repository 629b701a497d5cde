import { parseArgs } from 'node:util';

export interface ServeFlags {
  corpusDir: string;
  indexDir: string;
  clientDir: string;
  port: number;
  host: string;
}

/** Reads the flags shared by `npm run serve` and `npm start`; bad flags end the process with usage. */
export function readServeFlags(usage: string): ServeFlags {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'data/corpus' },
        index: { type: 'string', default: 'data/index' },
        client: { type: 'string', default: 'client/dist' },
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port (or PORT) must be a port number from 0 to 65535, got "${values.port}"`);
    return { corpusDir: values.corpus, indexDir: values.index, clientDir: values.client, port, host: values.host };
  } catch (error) {
    console.error(`passim: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
