import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { ensureLocalClusterBuilt, findLocalClusterRequirements, INSTALL_HINT, localClusterCommand } from '../../server/opensearch/local-cluster/local-cluster-java.ts';

/**
 * A real OpenSearch for a test file: one node or an N-node cluster in one JVM on 127.0.0.1, on ports
 * the system picks (several test runs share the machine), with a unique cluster name and a temporary
 * data folder removed when it stops. The JVM reads its standard input and stops when it closes, so a
 * test process that dies takes its cluster with it.
 */
export interface OpenSearchClusterOptions {
  /** Nodes in the cluster (default 1). */
  nodes?: number;
  /** Heap per node in MB (default 512). */
  heapMbPerNode?: number;
  /** Start the JVM for a short life (serial GC, C1 only): right for tests; the benchmark turns it off. Default true. */
  quickStart?: boolean;
  /** Milliseconds to wait for the cluster to have all its nodes and be yellow (default 240000). */
  readyTimeoutMs?: number;
}

export interface LocalOpenSearchNode {
  name: string;
  /** The node's HTTP address, e.g. http://127.0.0.1:41234. */
  url: string;
}

export interface LocalOpenSearch {
  clusterName: string;
  nodes: LocalOpenSearchNode[];
  /** Every node's HTTP address: what PASSIM_OPENSEARCH_URL takes (comma-separated). */
  urls: string[];
  /** Stops node i (the others keep the cluster) and resolves once it is closed. */
  stopNode(i: number): Promise<void>;
  /** Starts node i again on its ports and resolves once it has started (not once it has rejoined). */
  startNode(i: number): Promise<void>;
  /** Stops every node and resolves once the JVM has exited and its data folder is removed. */
  stop(): Promise<void>;
}

interface ClusterEvent {
  event: 'ready' | 'node-stopped' | 'node-started' | 'error';
  nodes?: LocalOpenSearchNode[];
  node?: LocalOpenSearchNode;
  message?: string;
}

/** A line as the JVM prints it (ClusterOptions.java): nodes carry `http`, here renamed `url`. */
interface RawClusterEvent {
  event: ClusterEvent['event'];
  nodes?: { name: string; http: string }[];
  node?: { name: string; http: string };
  message?: string;
}

export async function startOpenSearchCluster(options: OpenSearchClusterOptions = {}): Promise<LocalOpenSearch> {
  const nodes = options.nodes ?? 1;
  const requirements = findLocalClusterRequirements();
  if (requirements.missing.length > 0) throw new Error(`cannot start OpenSearch: missing ${requirements.missing.join(' and ')}: ${INSTALL_HINT}`);
  await ensureLocalClusterBuilt();
  const clusterName = `passim-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const java = localClusterCommand(
    { java: requirements.java, nodes, heapMbPerNode: options.heapMbPerNode, quickStart: options.quickStart ?? true },
    ['--nodes', String(nodes), '--port', '0', '--cluster-name', clusterName, '--json', '--exit-on-stdin-close'],
  );
  const child: ChildProcess = spawn(java.command, java.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const events = readEvents(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));

  const ready = await Promise.race([
    events.next('ready'),
    exited.then((code) => Promise.reject(new Error(`OpenSearch exited with code ${code} before it was ready:\n${stderrTail}`))),
    timeout(options.readyTimeoutMs ?? 240_000, `OpenSearch (${nodes} nodes) was not ready within ${options.readyTimeoutMs ?? 240_000} ms:\n${stderrTail}`),
  ]).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const clusterNodes = ready.nodes!;

  async function send(line: string, expected: ClusterEvent['event']): Promise<void> {
    child.stdin!.write(`${line}\n`);
    const answer = await events.next(expected, 'error');
    if (answer.event === 'error') throw new Error(`OpenSearch: ${answer.message}`);
  }
  return {
    clusterName,
    nodes: clusterNodes,
    urls: clusterNodes.map((node) => node.url),
    stopNode: (i) => send(`stop-node ${i}`, 'node-stopped'),
    startNode: (i) => send(`start-node ${i}`, 'node-started'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin!.end();
        const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

/** The JSON lines the cluster prints, awaited by kind in the order they come. */
function readEvents(child: ChildProcess) {
  const queue: ClusterEvent[] = [];
  const waiting: { kinds: ClusterEvent['event'][]; resolve: (event: ClusterEvent) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const raw = JSON.parse(line) as RawClusterEvent;
    const event: ClusterEvent = {
      event: raw.event,
      message: raw.message,
      nodes: raw.nodes?.map((node) => ({ name: node.name, url: node.http })),
      node: raw.node ? { name: raw.node.name, url: raw.node.http } : undefined,
    };
    const at = waiting.findIndex((waiter) => waiter.kinds.includes(event.event));
    if (at >= 0) waiting.splice(at, 1)[0]!.resolve(event);
    else queue.push(event);
  });
  return {
    next(...kinds: ClusterEvent['event'][]): Promise<ClusterEvent> {
      const at = queue.findIndex((event) => kinds.includes(event.event));
      if (at >= 0) return Promise.resolve(queue.splice(at, 1)[0]!);
      return new Promise((resolve) => waiting.push({ kinds, resolve }));
    },
  };
}

function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}
