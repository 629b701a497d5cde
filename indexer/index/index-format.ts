/**
 * The on-disk index format in `data/index/`. The server refuses an index whose format or analyzer
 * version differs from its own, and says to rebuild it.
 */
/** Bump with any change to a served file's layout (the term index file carries its own version too). */
export const INDEX_FORMAT_VERSION = 6;

/**
 * Version of the indexer's reading, cleaning, labelling and cutting rules. It does not concern the
 * server (the format stays readable), but an index built under other rules is rebuilt in full, and
 * its extract cache is not reused. Bump it when any of those rules changes its output.
 */
export const INDEXER_VERSION = 4;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  /** Passim's inverted index (binary, see term-index-file.ts). */
  termIndex: 'term-index.bin',
  /** The documents' labels and passages, without their texts: a JSON array, one document per line (see documents-file.ts). */
  documents: 'documents.json',
  /** The documents' texts, binary, read a passage or a document at a time (see texts-file.ts). */
  texts: 'texts.bin',
  /** The indexer's cache of what it read from each file, for incremental runs. Not read by the server. */
  extractCache: 'extract-cache.json',
} as const;

export interface StoredPassage {
  /** `${docId}-p${ordinal}`: stable while the document is unchanged. */
  id: string;
  ordinal: number;
  /** Offsets of the passage in the document's `text`. */
  start: number;
  end: number;
  wordCount: number;
  /** Speaker label of the transcript turn the passage is in, as written ("SECRETARY BLINKEN"). */
  speaker?: string;
  /** The speaker label in title case, for display ("Secretary Blinken"). Present when `speaker` is. */
  speakerName?: string;
  /** 1-based page of a paged source (PDF) where the passage starts. */
  page?: number;
}

/** Where a document's date came from, most explicit first: the catalog, the file's own metadata, its path, its text. */
export type DateSource = 'catalog' | 'declared' | 'path' | 'text';

/** Where a document's title came from; `described` is a description ("State of the Union address, 1941"), not a title the document gives itself. */
export type TitleSource = 'catalog' | 'declared' | 'text' | 'described';

/** Who a document is by: a person, with family and given names, or an organization. */
export type DocumentAuthor = { organization: string } | { family: string; given?: string; suffix?: string };

export interface StoredDocument {
  /** Derived from the file's path in the corpus: stable across rebuilds, URL-safe. */
  id: string;
  /** Path relative to the corpus folder, with forward slashes. */
  path: string;
  title: string;
  titleSource?: TitleSource;
  /** Source id: the top folder under the corpus. */
  source: string;
  /** Display name of the source. */
  sourceName: string;
  /** Publication date, ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when that is all that is known). */
  date?: string;
  /** Where `date` came from. Present when `date` is. */
  dateSource?: DateSource;
  /** Who the document is by: the catalog's, else the person or organization its source folder names. */
  author?: DocumentAuthor;
  /** The kind of document (`speech`, `press release`, `transcript`), from the catalog or what the text shows. */
  kind?: string;
  /** What the document belongs to ("State of the Union Address"), from the catalog. */
  container?: string;
  /** Detected or declared language, ISO 639-1 (`en`, `fr`, `nl`). */
  lang?: string;
  /** The original address of the document, when known. */
  url?: string;
  /** The cleaned text that passage offsets point into. */
  text: string;
  passages: StoredPassage[];
}

/** What `documents.json` holds of a document, and what a server keeps in memory: all but its text (in `texts.bin`). */
export type DocumentRecord = Omit<StoredDocument, 'text'>;

export interface IndexedFile {
  path: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  /** The file's (first) document. */
  docId: string;
  /** Every document of a file that holds several (JSON records). Absent for a one-document file. */
  documentIds?: string[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface IndexManifest {
  formatVersion: number;
  analyzerVersion: number;
  /** `INDEXER_VERSION` of the build (absent before version 2). */
  indexerVersion?: number;
  /** ISO time of the build. */
  builtAt: string;
  documentCount: number;
  passageCount: number;
  files: IndexedFile[];
  skipped: SkippedFile[];
}
