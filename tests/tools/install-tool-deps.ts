/**
 * Installs the tools' own dependencies (tests/tools/package.json: baseline engines, a load generator,
 * the SOTU data set) the first time a tool runs, and again when their lockfile changes. They are not
 * Passim's: `npm install && npm start` stays free of a native build (better-sqlite3 compiles from
 * source where no prebuilt binary can be fetched). Run before a tool: `tsx tests/tools/install-tool-deps.ts && tsx …`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOOLS_DIR = import.meta.dirname;
const LOCKFILE = join(TOOLS_DIR, 'package-lock.json');
/** The hash of the lockfile last installed: by content, since a checkout or a rebase rewrites the file's time. */
const INSTALLED = join(TOOLS_DIR, 'node_modules', '.passim-installed-lock');

const lockHash = () => createHash('sha256').update(readFileSync(LOCKFILE)).digest('hex');

function isInstalled(): boolean {
  return existsSync(INSTALLED) && readFileSync(INSTALLED, 'utf8') === lockHash();
}

if (!isInstalled()) {
  console.error('passim tools: installing their dependencies into tests/tools/node_modules (once; better-sqlite3 may take a minute to build)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { status } = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: TOOLS_DIR, stdio: 'inherit' });
  if (status !== 0) {
    console.error('passim tools: npm ci in tests/tools failed; run it there by hand to see why');
    process.exit(status ?? 1);
  }
  writeFileSync(INSTALLED, lockHash());
}
