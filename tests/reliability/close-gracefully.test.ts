import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareGracefulClose } from '../../server/http/close-gracefully.ts';

/** Bigger than what the kernel buffers on loopback, so most of it is still in the server when it closes. */
const BIG = Buffer.alloc(48 * 1024 * 1024, 'x');

let server: Server;
let close: () => Promise<void>;

async function serve(drainMs?: number): Promise<number> {
  server = createServer((request, response) => {
    if (request.url === '/big') response.end(BIG);
    else response.end('small');
  });
  close = prepareGracefulClose(server, drainMs);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
afterEach(() => {
  server.closeAllConnections();
});

/** A client that asks for `path` and does not read its answer until told to. */
function lazyClient(port: number, path: string) {
  const socket = connect(port, '127.0.0.1');
  socket.pause();
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
  let bytes = 0;
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(bytes)));
  socket.on('error', () => {});
  return {
    read: () => {
      socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
      socket.resume();
      return closed;
    },
  };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing the server gracefully', () => {
  it('delivers a large answer in flight whole before it is done', async () => {
    const port = await serve();
    const client = lazyClient(port, '/big');
    await settle(200);
    let done = false;
    const closing = close().then(() => (done = true));
    await settle(300);
    expect(done).toBe(false);
    const received = await client.read();
    await closing;
    expect(received).toBeGreaterThan(BIG.length);
  });

  it('closes idle keep-alive connections at once and refuses new ones', async () => {
    const port = await serve();
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('small');
    const startedAt = performance.now();
    const closing = close();
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    await closing;
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });

  it('disconnects a client that never takes its answer once the drain time is over', async () => {
    const port = await serve(300);
    const client = lazyClient(port, '/big');
    await settle(100);
    const startedAt = performance.now();
    await close();
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(250);
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(await client.read()).toBeLessThan(BIG.length);
  });
});
