import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempFolder, type TempFolder } from '../support/fixture-index.ts';

/** What reached the disk, in order: each fsync (by file or folder name) and each rename. */
const events: string[] = [];
/** `.index.tmp-PID-RANDOM` reads `.index.tmp`. */
const named = (path: string) => basename(path).replace(/-\d+-[0-9a-f]+$/, '');

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const realSync = handle.sync.bind(handle);
      handle.sync = async () => {
        await realSync();
        events.push(`sync ${named(String(args[0]))}`);
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      await real.rename(from, to);
      events.push(`rename ${named(from)} -> ${named(to)}`);
    },
  };
});

const { writeIndexAtomically } = await import('../../indexer/index/write-index.ts');

let temp: TempFolder;
beforeAll(async () => {
  temp = await makeTempFolder();
});
afterAll(() => temp?.remove());

describe('writing an index', () => {
  it('flushes every file and the new folder to the disk before the swap, and the swap itself after', async () => {
    const indexDir = join(temp.path, 'index');
    await writeIndexAtomically(indexDir, { 'manifest.json': '{"first":true}' });
    events.length = 0;

    await writeIndexAtomically(indexDir, { 'manifest.json': '{}', 'term-index.bin': new Uint8Array([1, 2, 3]) });

    expect(events).toEqual([
      'sync manifest.json',
      'sync term-index.bin',
      'sync .index.tmp',
      'rename index -> .index.old',
      'rename .index.tmp -> index',
      `sync ${basename(temp.path)}`,
    ]);
  });
});
