import { createHash } from 'node:crypto';
import { ANALYZER_VERSION } from '../analyzer/index.ts';
import type { Catalog } from '../corpus/catalog.ts';
import { INDEX_FORMAT_VERSION, INDEXER_VERSION } from '../index/index-format.ts';
import type { FileOutcome } from '../build/read-corpus-files.ts';

/**
 * A digest of everything a build's output depends on: the rules' versions, the catalog, and each
 * file's contents (or why it was not read). Builds are deterministic, so equal digests mean equal
 * indexes, and an incremental run can stop before redoing work whose result it already has.
 */
export function hashInputs(input: { catalog: Catalog; catalogProblem?: string; unreadable: { path: string; reason: string }[]; outcomes: FileOutcome[] }): string {
  const files = input.outcomes.map((outcome) => ('reason' in outcome ? [outcome.path, outcome.reason] : [outcome.path, outcome.file.sha256]));
  const versions = [INDEX_FORMAT_VERSION, ANALYZER_VERSION, INDEXER_VERSION];
  return createHash('sha256')
    .update(JSON.stringify([versions, input.catalog, input.catalogProblem ?? null, input.unreadable, files]))
    .digest('hex');
}
