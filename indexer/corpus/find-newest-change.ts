import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The latest modification time (ms) of a file or folder tree, counting folders too, so that a
 * deleted or renamed file also counts as a change. `skip` names entries not to descend into.
 */
export async function findNewestChange(path: string, skip: ReadonlySet<string> = new Set()): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (skip.has(entry)) continue;
    newest = Math.max(newest, await findNewestChange(join(path, entry), skip));
  }
  return newest;
}
