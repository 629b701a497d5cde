import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs a TypeScript script in a fresh Node process and parses the JSON of its last output line. */
export function runJsonChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${script} exited with code ${code}`));
      else done(JSON.parse(last) as T);
    });
  });
}
