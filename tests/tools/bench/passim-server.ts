import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SearchResponse } from '../../../server/api/types.ts';
import { summarizeLatencies, type LatencySummary } from './percentiles.ts';
import type { BenchQuery, QueryKind } from './query-set.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface PassimServer {
  url: string;
  pid: number;
  /** Spawn to first answered search, seconds. */
  coldStartSeconds: number;
  /** Calls `listener` with each line the server prints from now on. */
  onLine: (listener: (line: string) => void) => void;
  stop: () => Promise<void>;
}

/** The search URL path for a benchmark query, as the web client would send it. */
export function searchPath(query: BenchQuery): string {
  const q = query.phrase ? `"${query.words.join(' ')}"` : query.words.join(' ');
  const params = new URLSearchParams({ q });
  if (query.source !== undefined) params.append('source', query.source);
  return `/api/search?${params}`;
}

/**
 * Starts `npm run serve` as its own process (rate limiting off, as for any load test) with `workers`
 * server processes, and waits for a first answer. `preload` modules are imported into the server
 * before it starts (`--import`); `extra.checkout` serves another checkout's code (compare-servers.ts).
 */
export async function startPassimServer(indexDir: string, workers = 1, preload: string[] = [], extra: { args?: string[]; env?: NodeJS.ProcessEnv; checkout?: string } = {}): Promise<PassimServer> {
  const startedAt = performance.now();
  const imports = preload.flatMap((module) => ['--import', module]);
  const args = ['--import', 'tsx', ...imports, 'server/cli/serve.ts', '--index', indexDir, '--port', '0', '--workers', String(workers), ...(extra.args ?? [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: extra.checkout ?? ROOT,
    env: { ...process.env, PASSIM_RATE_LIMIT: '0', ...extra.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolvePort, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) resolvePort(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`the Passim server exited with code ${code} before listening`)));
  });
  const first = await fetch(`${url}/api/search?q=union`);
  if (!first.ok) throw new Error(`the first search failed with HTTP ${first.status}`);
  await first.arrayBuffer();
  const coldStartSeconds = (performance.now() - startedAt) / 1000;
  const listeners: ((line: string) => void)[] = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) for (const listener of listeners) listener(line);
  });
  return {
    url,
    pid: child.pid!,
    coldStartSeconds,
    onLine: (listener) => listeners.push(listener),
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Peak and current resident memory of a process, MB (Linux /proc). */
export function readMemory(pid: number): { peakRssMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { peakRssMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

export interface PassimLatency {
  /** Server-side `tookMs` (search, snippets and facets), per kind. */
  server: Partial<Record<QueryKind, LatencySummary>>;
  /** Round trip over HTTP on loopback, per kind. */
  http: Partial<Record<QueryKind, LatencySummary>>;
  /** Server-side `tookMs` over every query of every kind together: the as-you-type mix. */
  mixed: LatencySummary;
  errors: number;
}

/** Sends each query once, in order, over one keep-alive connection. */
export async function timePassimQueries(url: string, queries: BenchQuery[]): Promise<PassimLatency> {
  for (const query of queries.slice(0, 20)) await (await fetch(url + searchPath(query))).arrayBuffer();
  const server = new Map<QueryKind, number[]>();
  const http = new Map<QueryKind, number[]>();
  let errors = 0;
  for (const query of queries) {
    const start = performance.now();
    const response = await fetch(url + searchPath(query));
    const body = (await response.json()) as SearchResponse;
    const elapsed = performance.now() - start;
    if (!response.ok) {
      errors += 1;
      continue;
    }
    server.set(query.kind, [...(server.get(query.kind) ?? []), body.tookMs]);
    http.set(query.kind, [...(http.get(query.kind) ?? []), elapsed]);
  }
  const summarize = (samples: Map<QueryKind, number[]>) => Object.fromEntries([...samples].map(([kind, values]) => [kind, summarizeLatencies(values)]));
  return { server: summarize(server), http: summarize(http), mixed: summarizeLatencies([...server.values()].flat()), errors };
}
