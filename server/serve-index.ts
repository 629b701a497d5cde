import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from './http/answer-client-errors.ts';
import { createApp } from './http/create-app.ts';
import { loadIndex } from './index/load-index.ts';

export interface ServeOptions {
  indexDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on. Default 127.0.0.1: an archive is not shared on the network unless asked (`HOST=0.0.0.0`). */
  host?: string;
  clientDir?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

/** Loads the index and serves it over HTTP; resolves once the server is listening. */
export async function serveIndex({ indexDir, port, host, clientDir }: ServeOptions): Promise<RunningServer> {
  const index = await loadIndex(indexDir);
  const app = createApp({ getIndex: () => index, ...(clientDir === undefined ? {} : { clientDir }) });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host ?? '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  answerClientErrors(server);
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host ?? '127.0.0.1'}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
