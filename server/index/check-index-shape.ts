import type { DocumentRecord, IndexManifest } from '../../indexer/index/index-format.ts';

/**
 * Checks that parsed index files have the shape the server relies on, so that a damaged or foreign
 * file is refused at load time with a message, rather than failing later inside a request. Returns
 * why not, or undefined when the shape is right. A loop rather than a schema: documents.json can
 * hold a million passages, and this runs on every load (a document at a time, between pauses).
 */
export function findManifestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a manifest';
  const manifest = value as Partial<IndexManifest>;
  if (typeof manifest.builtAt !== 'string' || Number.isNaN(Date.parse(manifest.builtAt))) return 'it has no build time';
  return undefined;
}

const isString = (value: unknown) => typeof value === 'string';
const isOffset = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Every document has its labels, and its passages are numbered in order and follow one another in its
 * text (that they lie inside it is checked against the texts file, read-index-files.ts).
 */
export function findDocumentsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'it is not a list of documents';
  for (const [position, item] of value.entries()) {
    const problem = findDocumentProblem(item, position);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The checks of findDocumentsProblem for one document, the `position`th of the file. */
export function findDocumentProblem(item: unknown, position: number): string | undefined {
  const document = item as Partial<DocumentRecord> | null;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return `entry ${position} is not a document`;
  const { id, path, title, source, sourceName, passages } = document;
  if (![id, path, title, source, sourceName].every(isString) || !Array.isArray(passages)) return `document ${position} lacks its id or labels`;
  let previousEnd = 0;
  for (const [ordinal, passage] of passages.entries()) {
    const { start, end } = (passage ?? {}) as { start?: unknown; end?: unknown };
    if (!isString(passage?.id) || !isOffset(start) || !isOffset(end)) return `a passage of document ${id} lacks its id or offsets`;
    if (passage.ordinal !== ordinal) return `a passage of document ${id} is out of order`;
    if ((start as number) < previousEnd || (end as number) <= (start as number)) return `a passage of document ${id} lies outside its text`;
    previousEnd = end as number;
  }
  return undefined;
}
