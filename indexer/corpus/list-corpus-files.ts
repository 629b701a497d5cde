import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CATALOG_FILE } from './catalog.ts';

export interface CorpusFile {
  /** Absolute path. */
  absolutePath: string;
  /** Path relative to the corpus folder, with forward slashes: the file's identity in the index. */
  path: string;
}

export interface CorpusListing {
  files: CorpusFile[];
  /** Folders that could not be read, with the reason. */
  unreadable: { path: string; reason: string }[];
}

/**
 * Lists every file under the corpus folder, sorted by path so builds are deterministic. Hidden files
 * and folders (".git", ".DS_Store") and the catalog are not documents.
 */
export async function listCorpusFiles(corpusDir: string): Promise<CorpusListing> {
  const listing: CorpusListing = { files: [], unreadable: [] };
  await walk(corpusDir, corpusDir, listing);
  listing.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return listing;
}

async function walk(corpusDir: string, dir: string, listing: CorpusListing): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (dir === corpusDir) throw error;
    listing.unreadable.push({ path: toCorpusPath(corpusDir, dir), reason: (error as Error).message });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolutePath = join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(corpusDir, absolutePath, listing);
    } else if (entry.isFile() && !(dir === corpusDir && entry.name === CATALOG_FILE)) {
      listing.files.push({ absolutePath, path: toCorpusPath(corpusDir, absolutePath) });
    }
  }
}

function toCorpusPath(corpusDir: string, absolutePath: string): string {
  return relative(corpusDir, absolutePath).split(sep).join('/');
}
