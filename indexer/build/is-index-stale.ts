import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../analyzer/index.ts';
import { findNewestChange } from '../corpus/find-newest-change.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, INDEXER_VERSION, type IndexManifest } from '../index/index-format.ts';

/** Why an index needs a rebuild, or undefined when it is up to date with its corpus. */
export async function findStaleReason(corpusDir: string, indexDir: string): Promise<string | undefined> {
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(join(indexDir, INDEX_FILES.manifest), 'utf8')) as IndexManifest;
  } catch {
    return 'no index yet';
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    return 'the index was built by another version of Passim';
  }
  if (manifest.indexerVersion !== INDEXER_VERSION) return 'the index was built with other reading and cleaning rules';
  const builtAt = Date.parse(manifest.builtAt);
  if (!(builtAt > (await findNewestChange(corpusDir)))) return 'the corpus changed since the index was built';
  return undefined;
}
