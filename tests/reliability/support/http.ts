import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { answerClientErrors } from '../../../server/http/answer-client-errors.ts';
import { createApp, type AppOptions } from '../../../server/http/create-app.ts';

export interface StartedApp {
  url: string;
  close: () => Promise<void>;
}

/** Serves `createApp(options)` on an ephemeral loopback port, for tests that need app options `serveIndex` does not take. */
export async function startApp(options: AppOptions): Promise<StartedApp> {
  const app = createApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  answerClientErrors(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as received (still compressed if the server compressed it). */
  bytes: Buffer;
}

export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent after the headers; with `chunked`, as one chunk of a chunked body. */
  body?: string;
}

/**
 * Sends a request with `path` exactly as given: `fetch` would resolve `..` and re-encode the address
 * before sending it, which hides the very paths a traversal test needs to send.
 */
export function rawRequest(baseUrl: string, path: string, { method = 'GET', headers = {}, body }: RawRequestOptions = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, path, method, headers: { connection: 'close', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes.toString('utf8'), bytes });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Writes `text` to the server as is (it need not be valid HTTP) and reads the status and body of its answer. */
export function rawExchange(baseUrl: string, text: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      resolve({ status: Number(head.split(' ')[1]), body });
    });
  });
}

/** Whether a response body gives away server internals: a stack frame, a source path, a module folder. */
export function leaksInternals(body: string): boolean {
  return /\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|Error: /.test(body);
}
