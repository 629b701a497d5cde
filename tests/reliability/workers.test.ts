import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';
import { hasStackTrace, startCli, type CliProcess } from './support/child-process.ts';

let temp: TempFolder;
let indexDir: string;

beforeAll(async () => {
  temp = await makeTempFolder();
  indexDir = (await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir;
});
afterAll(() => temp?.remove());

/**
 * The server processes `pid` started and that are alive (Linux /proc): running `serve.ts`, which leaves
 * out a short-lived esbuild helper that tsx may start, and not a zombie waiting to be reaped.
 */
function workersOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // After the command name in parentheses (which may hold spaces): state, then parent.
        const [state, parent] = readFileSync(join('/proc', name, 'stat'), 'utf8').split(') ')[1]!.split(' ');
        return Number(parent) === pid && state !== 'Z' && readFileSync(join('/proc', name, 'cmdline'), 'utf8').includes('server/cli/serve.ts');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A status over a connection of its own, as separate browsers would reach the cluster. */
const statusOnNewConnection = (url: string, path: string) =>
  new Promise<number>((resolve, reject) => {
    get(`${url}${path}`, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    }).on('error', reject);
  });

async function startWorkers(env: NodeJS.ProcessEnv = {}): Promise<{ server: CliProcess; url: string }> {
  const server = startCli('server/cli/serve.ts', ['--index', indexDir, '--port', '0', '--workers', '2'], { PASSIM_RATE_LIMIT: '0', ...env });
  const line = await server.waitForLine(/Passim is serving .* with 2 workers/, 30_000);
  return { server, url: `http://127.0.0.1:${/localhost:(\d+)/.exec(line)![1]}` };
}

describe('--workers 2', () => {
  it('answers from two server processes, restarts one that dies, and stops them all on SIGTERM with exit 0', async () => {
    const { server, url } = await startWorkers();
    try {
      const workers = workersOf(server.child.pid!);
      expect(workers).toHaveLength(2);
      const statuses = await Promise.all(Array.from({ length: 20 }, () => statusOnNewConnection(url, '/api/search?q=coalition')));
      expect(new Set(statuses)).toEqual(new Set([200]));

      process.kill(workers[0]!, 'SIGKILL');
      await server.waitForLine(/passim: worker \d+ ended with SIGKILL, starting another/, 10_000);
      // The primary says again that it serves with two workers once the new one listens.
      await expect.poll(() => server.output().stdout.match(/Passim is serving .* with 2 workers/g)?.length, { timeout: 15_000 }).toBe(2);
      expect(workersOf(server.child.pid!)).toHaveLength(2);
      const after = await Promise.all(Array.from({ length: 10 }, () => statusOnNewConnection(url, '/api/health')));
      expect(new Set(after)).toEqual(new Set([200]));

      server.signal('SIGTERM');
      expect(await server.exited(15_000)).toEqual({ code: 0, signal: null });
      expect(server.output().stdout).toContain('passim: SIGTERM received, finishing open requests');
      expect(workersOf(server.child.pid!)).toEqual([]);
    } finally {
      server.signal('SIGKILL');
    }
  });

  it('keeps one rate limit per client across the workers', async () => {
    const { server, url } = await startWorkers({ PASSIM_RATE_LIMIT: '6' });
    try {
      const statuses: number[] = [];
      // One connection each: the cluster hands them to the workers in turn.
      for (let i = 0; i < 8; i += 1) statuses.push(await statusOnNewConnection(url, '/api/health'));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    } finally {
      server.signal('SIGTERM');
      await server.exited(15_000);
    }
  });

  it('without an index, says so and exits 1 instead of restarting workers forever', async () => {
    const server = startCli('server/cli/serve.ts', ['--index', join(temp.path, 'nothing-here'), '--port', '0', '--workers', '2'], { PASSIM_RATE_LIMIT: '0' });
    expect(await server.exited(30_000)).toEqual({ code: 1, signal: null });
    const { stdout, stderr } = server.output();
    expect(stderr).toContain(`No index at ${join(temp.path, 'nothing-here')}`);
    expect(stderr).not.toContain('starting another');
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stdout).not.toContain('Passim is serving');
  });
});
