import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface CliProcess {
  child: ChildProcess;
  /** Everything written so far. */
  output: () => { stdout: string; stderr: string };
  /** Resolves with the first line of stdout or stderr matching `pattern`. */
  waitForLine: (pattern: RegExp, timeoutMs: number) => Promise<string>;
  /** Resolves with the exit code (or the signal that ended it); rejects after `timeoutMs`. */
  exited: (timeoutMs: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal to the process and everything it started. */
  signal: (signal: NodeJS.Signals) => void;
}

/**
 * Runs one of Passim's command-line entry points (`indexer/cli.ts`, `server/cli/serve.ts`) as its own
 * process group. Started as `node --import tsx FILE`, the same code `npx tsx FILE` runs, without the
 * seconds npx spends starting up here; the group makes a kill reach the whole process.
 */
export function startCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const check = (text: string) => {
    for (const line of text.split('\n')) {
      for (const waiter of [...waiters]) {
        if (!waiter.pattern.test(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check(chunk);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    check(chunk);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms; stdout: ${stdout}\nstderr: ${stderr}`)), timeoutMs);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error as Error);
        },
      );
    });
  return {
    child,
    output: () => ({ stdout, stderr }),
    waitForLine: (pattern, timeoutMs) => {
      const seen = `${stdout}\n${stderr}`.split('\n').find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return within(new Promise<string>((resolve) => waiters.push({ pattern, resolve })), timeoutMs, `a line matching ${pattern}`);
    },
    exited: (timeoutMs) => within(exit, timeoutMs, `exit of ${script}`),
    signal: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    },
  };
}

/** Whether console output holds a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(text);
}
