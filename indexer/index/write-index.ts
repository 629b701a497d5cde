import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A file's contents: a string, bytes, or bytes in parts written one after another (never joined in memory). */
export type FileContents = string | Uint8Array | readonly Uint8Array[];

/**
 * Writes an index folder so that readers see either the old index or the new one, never a half one:
 * every file goes into a fresh sibling folder, which then replaces the old folder by rename. The
 * old folder is renamed aside first and removed only after the new one is in place.
 *
 * Each file and the new folder are flushed to the disk (fsync) before the swap, and the parent folder
 * after it: without that, a power cut soon after a build could leave the renames on disk but not the
 * files' contents, and the newest index empty or torn where the old one was whole.
 */
export async function writeIndexAtomically(indexDir: string, files: Record<string, FileContents>): Promise<void> {
  const parent = dirname(indexDir);
  const name = basename(indexDir);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${name}.tmp-${tag}`);
  const retired = join(parent, `.${name}.old-${tag}`);

  await mkdir(staging, { recursive: true });
  try {
    for (const [fileName, contents] of Object.entries(files)) {
      await writeDurably(join(staging, fileName), contents);
    }
    await flushFolder(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  let hadOld = true;
  try {
    await rename(indexDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    hadOld = false;
  }
  try {
    await rename(staging, indexDir);
  } catch (error) {
    if (hadOld) await rename(retired, indexDir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await flushFolder(parent);
  if (hadOld) await rm(retired, { recursive: true, force: true });
}

async function writeDurably(path: string, contents: FileContents): Promise<void> {
  const file = await open(path, 'w');
  try {
    if (typeof contents === 'string' || contents instanceof Uint8Array) await file.writeFile(contents);
    else for (const part of contents) await file.write(part);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes a folder's entries (new names, renames) durable. */
async function flushFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
