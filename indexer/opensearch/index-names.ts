/**
 * The names Passim gives its OpenSearch indices. Searches go through three aliases,
 * `<prefix>-passages`, `<prefix>-documents` and `<prefix>-terms`; each points at one versioned index,
 * `<alias>-<version>`. A full build fills new versioned indices and moves the aliases in one
 * `_aliases` call; an incremental build updates passages and documents in place and moves the terms
 * alias to a new terms index (the vocabulary changes with any document).
 */
export const INDEX_KINDS = ['passages', 'documents', 'terms'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

export function aliasName(prefix: string, kind: IndexKind): string {
  return `${prefix}-${kind}`;
}

export function versionedIndexName(prefix: string, kind: IndexKind, version: string): string {
  return `${aliasName(prefix, kind)}-${version}`;
}

/** A version for a build started at `time`: sortable, lower case (`20261206t071500123z`). */
export function newIndexVersion(time: Date = new Date()): string {
  return time.toISOString().replace(/[-:.]/g, '').toLowerCase();
}

const VERSION = /^\d{8}t\d{9}z$/;

/** The version of a versioned index of `kind`, or undefined when the name is not one of Passim's. */
export function versionOf(prefix: string, kind: IndexKind, indexName: string): string | undefined {
  const start = `${aliasName(prefix, kind)}-`;
  if (!indexName.startsWith(start)) return undefined;
  const version = indexName.slice(start.length);
  return VERSION.test(version) ? version : undefined;
}
