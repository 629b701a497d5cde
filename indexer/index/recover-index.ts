import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface RecoveryReport {
  /** The folder put back in place of a missing index, if any. */
  restored?: string;
  /** Leftover folders of killed builds that were removed. */
  removed: string[];
}

/** Whether the process that wrote a leftover may still be at work on it. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Clears up after a build that was killed while writing (see write-index.ts). A build writes the new
 * index into `.NAME.tmp-PID-X`, renames the index aside to `.NAME.old-PID-X`, then renames the new one
 * into place: killed between the two renames, it leaves no index at NAME, and the old one whole
 * beside it. That one is put back. Leftovers of processes that are gone (half-written staging
 * folders, retired indexes) are removed, so repeated crashes do not fill the disk; those of a
 * process still running are left to it.
 */
export async function recoverInterruptedWrite(indexDir: string): Promise<RecoveryReport> {
  const parent = dirname(indexDir);
  const leftover = new RegExp(`^\\.${escapeRegExp(basename(indexDir))}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return { removed: [] };
  }
  const abandoned = names.flatMap((name) => {
    const match = leftover.exec(name);
    return match && !isRunning(Number(match[2])) ? [{ path: join(parent, name), kind: match[1] as 'tmp' | 'old' }] : [];
  });
  const report: RecoveryReport = { removed: [] };
  const indexMissing = await stat(indexDir).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  if (indexMissing) {
    const retired = abandoned.filter(({ kind }) => kind === 'old');
    const newest = (await Promise.all(retired.map(async (entry) => ({ ...entry, mtimeMs: (await stat(entry.path)).mtimeMs })))).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
    if (newest) {
      await rename(newest.path, indexDir);
      report.restored = newest.path;
    }
  }
  for (const { path } of abandoned) {
    if (path === report.restored) continue;
    await rm(path, { recursive: true, force: true });
    report.removed.push(path);
  }
  return report;
}
