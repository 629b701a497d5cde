import { spawn } from 'node:child_process';
import { ensureLocalClusterBuilt, findLocalClusterRequirements, INSTALL_HINT, localClusterCommand } from './local-cluster-java.ts';

/**
 * `npm run opensearch -- [--nodes N] [--port P] [--data DIR] ...`: builds the local OpenSearch with
 * Maven when needed and runs it in the foreground until Ctrl-C or SIGTERM. The flags are the Java
 * program's (ClusterOptions.java validates them: one line and the usage, exit 2).
 * PASSIM_OPENSEARCH_HEAP_MB sets the heap per node (default 512). `--build-only` builds and exits
 * (CI fetches the Maven dependencies that way before the tests).
 */
const buildOnly = process.argv.includes('--build-only');
const args = process.argv.slice(2).filter((arg) => arg !== '--build-only');
const requirements = findLocalClusterRequirements();
if (requirements.missing.length > 0) {
  console.error(`npm run opensearch: missing ${requirements.missing.join(' and ')}: ${INSTALL_HINT}`);
  process.exit(1);
}
const heapMbPerNode = Number(process.env.PASSIM_OPENSEARCH_HEAP_MB ?? 512);
if (!Number.isInteger(heapMbPerNode) || heapMbPerNode < 256) {
  console.error(`npm run opensearch: PASSIM_OPENSEARCH_HEAP_MB takes a whole number of MB from 256, got '${process.env.PASSIM_OPENSEARCH_HEAP_MB}'`);
  process.exit(2);
}
const nodesFlag = args.indexOf('--nodes');
const nodes = nodesFlag >= 0 && /^[1-9]$/.test(args[nodesFlag + 1] ?? '') ? Number(args[nodesFlag + 1]) : 1;

try {
  await ensureLocalClusterBuilt((line) => console.error(line));
} catch (error) {
  console.error(`npm run opensearch: ${(error as Error).message}`);
  process.exit(1);
}
if (buildOnly) process.exit(0);
const { command, args: javaArgs } = localClusterCommand({ java: requirements.java, nodes, heapMbPerNode }, args);
const child = spawn(command, javaArgs, { stdio: 'inherit' });
// Ctrl-C reaches the JVM through the terminal's process group; SIGTERM sent to npm or to this process
// is passed on, and this process waits for the nodes to close before it exits.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
