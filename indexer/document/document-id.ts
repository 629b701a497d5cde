import { createHash } from 'node:crypto';

/**
 * A document's id comes from its path in the corpus, so it survives rebuilds (and edits of the
 * file) and is safe in a URL: 16 hex digits of the path's sha256.
 */
export function documentId(corpusPath: string): string {
  return createHash('sha256').update(corpusPath).digest('hex').slice(0, 16);
}

/** A passage's id: stable while its document is unchanged. */
export function passageId(docId: string, ordinal: number): string {
  return `${docId}-p${ordinal}`;
}
