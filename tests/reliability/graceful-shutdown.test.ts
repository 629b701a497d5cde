import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResponse, SearchResponse } from '../../server/api/types.ts';
import { buildTempIndex, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { startCli, type CliProcess } from './support/child-process.ts';

let temp: TempFolder;
let indexDir: string;
let bigText: string;

beforeAll(async () => {
  temp = await makeTempFolder();
  const corpusDir = join(temp.path, 'corpus');
  await mkdir(join(corpusDir, 'archive'), { recursive: true });
  // A document of a few megabytes, so that its download takes a while.
  bigText = Array.from({ length: 40_000 }, (_, i) => `Paragraph ${i} of the long archive, about the budget and the treaty.`).join('\n\n');
  await writeFile(join(corpusDir, 'archive', 'long.txt'), `The long archive\n\n${bigText}\n`);
  indexDir = (await buildTempIndex(corpusDir, temp)).indexDir;
});
afterAll(() => temp?.remove());

async function startServer(): Promise<{ server: CliProcess; url: string }> {
  const server = startCli('server/cli/serve.ts', ['--index', indexDir, '--port', '0'], { PASSIM_RATE_LIMIT: '0' });
  const line = await server.waitForLine(/Passim is serving .* at http:\/\/localhost:\d+/, 20_000);
  return { server, url: `http://127.0.0.1:${/:(\d+)$/.exec(line.trim())![1]}` };
}

describe('SIGTERM', () => {
  it('lets a download in flight finish, refuses new connections, then exits 0', async () => {
    const { server, url } = await startServer();
    const { docId } = ((await (await fetch(`${url}/api/search?q=budget&limit=1`)).json()) as SearchResponse).hits[0]!;

    // Ask for the download on a socket that does not read yet. (Whether the answer still sits in the
    // server or already in the kernel's buffers, it must arrive whole: close-gracefully.test.ts holds
    // one that cannot fit in them.)
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.pause();
    socket.write(`GET /api/documents/${docId} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    server.signal('SIGTERM');
    await server.waitForLine(/SIGTERM received, finishing open requests/, 10_000);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();

    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.resume();
    await closed;
    const [head, body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n', 2) as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(Buffer.byteLength(body)).toBe(Number(/content-length: (\d+)/i.exec(head)![1]));
    expect((JSON.parse(body) as DocumentResponse).text).toContain(bigText.slice(-200));

    expect(await server.exited(10_000)).toEqual({ code: 0, signal: null });
  });

  it('does not wait for idle keep-alive connections', async () => {
    const { server, url } = await startServer();
    // fetch keeps its connection open for reuse after this answer.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const startedAt = performance.now();
    server.signal('SIGTERM');
    expect(await server.exited(10_000)).toEqual({ code: 0, signal: null });
    expect(performance.now() - startedAt).toBeLessThan(5000);
  });
});
