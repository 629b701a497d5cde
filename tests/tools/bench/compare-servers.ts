/**
 * Before and after of a change to the server, on a machine others share: the servers of several
 * checkouts run at once, and batches of the bench's queries (autocannon) go to each in turn, the order
 * rotating, so that every server meets the same moments of the machine's load. Each batch gives the
 * server's CPU time per request (from /proc: every thread, GC included); the medians are compared.
 * Also each server's start to its first answer, and its resident memory after the load.
 *
 *   tsx tests/tools/bench/compare-servers.ts --queries-from INDEX [--batches 16] [--amount 1000]
 *       [--connections 16] LABEL=CHECKOUT:INDEX ...
 *
 * CHECKOUT is a Passim checkout with its node_modules (`git worktree add --detach DIR COMMIT`), INDEX an
 * index that checkout built; --queries-from an index this checkout reads (the queries are the bench's).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { readBenchPassages } from './bench-passages.ts';
import { readMemory, searchPath, startPassimServer, type PassimServer } from './passim-server.ts';
import { buildQuerySet } from './query-set.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'queries-from': { type: 'string' },
    batches: { type: 'string', default: '16' },
    amount: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '16' },
  },
});
if (!values['queries-from'] || positionals.length === 0) {
  console.error('usage: tsx tests/tools/bench/compare-servers.ts --queries-from INDEX [--batches N] [--amount N] [--connections N] LABEL=CHECKOUT:INDEX ...');
  process.exit(2);
}

interface Server {
  label: string;
  running: PassimServer;
  cpuPerRequest: number[];
  next: number;
}

/** CPU time of a process so far, ms (user + system, every thread). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

async function startServer(spec: string): Promise<Server> {
  const [label, place] = spec.split('=') as [string, string];
  const [checkout, indexDir] = place.split(':') as [string, string];
  return { label, running: await startPassimServer(indexDir, 1, [], { checkout }), cpuPerRequest: [], next: 0 };
}

const paths = buildQuerySet(await readBenchPassages(values['queries-from']), 200).map(searchPath);
const servers: Server[] = [];
// One at a time, so that each start is timed alone.
for (const spec of positionals) servers.push(await startServer(spec));
try {
  for (const server of servers) for (const path of paths) await (await fetch(server.running.url + path)).arrayBuffer();
  for (let batch = 0; batch < Number(values.batches); batch++) {
    for (let k = 0; k < servers.length; k++) {
      const server = servers[(k + batch) % servers.length]!;
      const before = cpuMs(server.running.pid);
      const result = await autocannon({
        url: server.running.url,
        connections: Number(values.connections),
        amount: Number(values.amount),
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[server.next++ % paths.length]! }) }],
      });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${server.label}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
      server.cpuPerRequest.push((cpuMs(server.running.pid) - before) / result.requests.total);
    }
  }
  const base = median(servers[0]!.cpuPerRequest);
  console.log(`server CPU per request over ${values.batches} batches of ${values.amount} requests, ${values.connections} connections (median, and relative to ${servers[0]!.label}):`);
  for (const server of servers) {
    const cpu = median(server.cpuPerRequest);
    const memory = readMemory(server.running.pid);
    console.log(
      `  ${server.label.padEnd(12)} ${cpu.toFixed(3)} ms (x${(cpu / base).toFixed(3)}); start to first answer ${server.running.coldStartSeconds.toFixed(2)} s; RSS after ${memory.rssMb} MB (peak ${memory.peakRssMb} MB)`,
    );
  }
} finally {
  await Promise.all(servers.map((server) => server.running.stop()));
}
