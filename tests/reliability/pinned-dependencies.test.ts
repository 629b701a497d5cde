import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/child-process.ts';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface PackageLock {
  lockfileVersion: number;
  packages: Record<string, { version?: string; integrity?: string; hasInstallScript?: boolean; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
}

const readJson = async <T>(name: string) => JSON.parse(await readFile(join(REPO_ROOT, name), 'utf8')) as T;
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

describe('dependencies', () => {
  // Passim's own (the root), and the tools' (tests/tools: installed when a tool first runs).
  it.each(['', 'tests/tools/'])('are pinned to exact versions, in %spackage.json and in the lock file, each with an integrity hash', async (folder) => {
    const manifest = await readJson<PackageJson>(`${folder}package.json`);
    const lock = await readJson<PackageLock>(`${folder}package-lock.json`);
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const root = lock.packages[''];
    for (const field of ['dependencies', 'devDependencies'] as const) {
      for (const [name, version] of Object.entries(manifest[field] ?? {})) {
        expect(version, name).toMatch(EXACT);
        expect(root?.[field]?.[name], `${name} in the lock file's root`).toBe(version);
        const locked = lock.packages[`node_modules/${name}`];
        expect(locked?.version, `${name} in the lock file`).toBe(version);
        expect(locked?.integrity, `${name}'s integrity`).toMatch(/^sha512-/);
      }
    }
  });

  it('build nothing native on npm install: a fresh clone reaches its first answer without a compiler', async () => {
    const lock = await readJson<PackageLock>('package-lock.json');
    const withScripts = Object.entries(lock.packages).flatMap(([path, entry]) => (entry.hasInstallScript ? [path.replace(/^.*node_modules\//, '')] : []));
    // esbuild's postinstall only checks its binary (shipped in @esbuild/<platform>); core-js-pure's prints a banner.
    expect(withScripts.sort()).toEqual(['core-js-pure', 'esbuild']);
  });
});
