/**
 * What a format reader makes of a file, before any cleaning: the text as the file holds it and the
 * labels the file declares about itself. Everything here is plain JSON, because the incremental
 * build keeps it in a cache beside the index and reuses it while the file is unchanged.
 */

/** Labels a file declares (front matter, HTML meta tags, JSON fields). Absent when not declared. */
export interface DeclaredMetadata {
  title?: string;
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  source?: string;
  url?: string;
  /** ISO 639-1 code, lower case. */
  lang?: string;
}

export interface ExtractedText {
  /** The document's path in the corpus: the file's path, or `path#id` for one record of a JSON file. */
  path: string;
  /** The text as read: one entry per page for a paged format (PDF), a single entry otherwise. */
  pages: string[];
  /** True for formats with real pages, whose passages keep their page number. */
  paged: boolean;
  metadata: DeclaredMetadata;
}

/** A problem with one part of a file that was otherwise read (a broken record of a JSONL file). */
export interface PartProblem {
  path: string;
  reason: string;
}

export type ExtractResult = { ok: true; texts: ExtractedText[]; problems: PartProblem[] } | { ok: false; reason: string };

/** The result of a file that holds exactly one document. */
export function extractedOne(text: ExtractedText): ExtractResult {
  return { ok: true, texts: [text], problems: [] };
}

/** Drops fields that are undefined or blank, so a cached and a fresh result compare equal. */
export function compactMetadata(metadata: { [K in keyof DeclaredMetadata]?: string | undefined }): DeclaredMetadata {
  const compact: DeclaredMetadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    const trimmed = value?.trim();
    if (trimmed) compact[key as keyof DeclaredMetadata] = trimmed;
  }
  return compact;
}
