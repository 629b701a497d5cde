import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What the local OpenSearch (the Maven project in this folder) needs from the machine: Java 17+ to
 * run it, Maven to build it once. Neither is needed by Passim itself: only by `npm run opensearch`
 * and the OpenSearch test suite.
 */
export const LOCAL_CLUSTER_DIR = import.meta.dirname;

/** The one line that says what to install when Java or Maven is missing. */
export const INSTALL_HINT = 'install Java 17+ and Maven (Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless maven)';

/** The main class of the local cluster. */
const MAIN_CLASS = 'passim.opensearch.LocalCluster';
const TARGET = join(LOCAL_CLUSTER_DIR, 'target');
const STAMP = join(TARGET, 'passim-build.sha256');
const LOCK = join(TARGET, '.passim-build.lock');

export interface LocalClusterRequirements {
  /** The java command (JAVA_HOME's, else the PATH's), or undefined when none of version 17+ is found. */
  java?: string;
  /** The Java major version found, if any. */
  javaVersion?: number;
  /** Whether Maven (`mvn`) is on the PATH. */
  maven: boolean;
  /** Empty when everything is there; otherwise what is missing, e.g. "Java 17+ (found 11)". */
  missing: string[];
}

/** Looks for Java 17+ and Maven without building anything. */
export function findLocalClusterRequirements(env: NodeJS.ProcessEnv = process.env): LocalClusterRequirements {
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const javaVersion = readJavaVersion(java);
  const maven = findOnPath('mvn', env) !== undefined;
  const missing: string[] = [];
  if (javaVersion === undefined) missing.push(`Java 17+ (no ${java} found)`);
  else if (javaVersion < 17) missing.push(`Java 17+ (found ${javaVersion})`);
  // Maven is only needed to build; a tree already built runs without it.
  if (!maven && !isLocalClusterBuilt()) missing.push('Maven (mvn)');
  return { java: javaVersion !== undefined && javaVersion >= 17 ? java : undefined, javaVersion, maven, missing };
}

function readJavaVersion(java: string): number | undefined {
  const run = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  // `openjdk version "17.0.15"`, `java version "1.8.0_392"`
  const match = /version "(\d+)(?:\.(\d+))?/.exec(run.stderr + run.stdout);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, command);
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A digest of what the build reads (pom.xml and the sources): a change means a rebuild. */
function hashSources(): string {
  const hash = createHash('sha256');
  const files = [join(LOCAL_CLUSTER_DIR, 'pom.xml'), ...listFiles(join(LOCAL_CLUSTER_DIR, 'src'))].sort();
  for (const file of files) hash.update(relative(LOCAL_CLUSTER_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Whether target/ holds a build of the current sources. */
export function isLocalClusterBuilt(): boolean {
  try {
    return readFileSync(STAMP, 'utf8').trim() === hashSources();
  } catch {
    return false;
  }
}

/**
 * Builds the local cluster with Maven unless target/ already holds a build of these sources. Several
 * processes may ask at once (test files, helpers): one builds under a lock folder, the others wait.
 */
export async function ensureLocalClusterBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (isLocalClusterBuilt()) return;
  mkdirSync(TARGET, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a build that died more than 10 minutes ago is stale.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 15 minutes for another build of ${LOCAL_CLUSTER_DIR} to finish (remove ${LOCK} if none is running)`);
      await sleep(500);
      if (isLocalClusterBuilt()) return;
    }
  }
  try {
    if (isLocalClusterBuilt()) return;
    log(`Building the local OpenSearch (Maven, ${LOCAL_CLUSTER_DIR}) ...`);
    const run = spawnSync('mvn', ['-B', '-q', 'package'], { cwd: LOCAL_CLUSTER_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`could not run Maven: ${run.error.message}; ${INSTALL_HINT}`);
    if (run.status !== 0) throw new Error(`Maven could not build ${LOCAL_CLUSTER_DIR}:\n${(run.stdout + run.stderr).trim().slice(-4000)}`);
    writeFileSync(STAMP, `${hashSources()}\n`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface LocalClusterCommandOptions {
  /** The java command (default: JAVA_HOME's, else `java`). */
  java?: string;
  /** Nodes in the cluster: the heap is heapMbPerNode times this. */
  nodes: number;
  /** Heap per node in MB (default 512). */
  heapMbPerNode?: number;
  /**
   * Start fast rather than run fast: the serial collector and the quick compiler only (default false).
   * For tests; a cluster that is measured runs with the JVM's defaults.
   */
  quickStart?: boolean;
}

/** The java command line that runs the built local cluster with `args` (see ClusterOptions.java). */
export function localClusterCommand(options: LocalClusterCommandOptions, args: string[]): { command: string; args: string[] } {
  const heapMb = (options.heapMbPerNode ?? 512) * options.nodes;
  const classpath = [join(TARGET, 'classes'), join(TARGET, 'lib', '*')].join(delimiter);
  return {
    command: options.java ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java'),
    args: [
      `-Xms${Math.min(heapMb, 256)}m`,
      `-Xmx${heapMb}m`,
      ...(options.quickStart ? ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'] : []),
      '-cp',
      classpath,
      MAIN_CLASS,
      ...args,
    ],
  };
}
