import { closeSync, readSync } from 'node:fs';
import type { DocumentRecord, StoredPassage } from '../../indexer/index/index-format.ts';
import type { TextsLayout } from '../../indexer/index/texts-file.ts';
import { TextCache } from './text-cache.ts';

/**
 * The texts of a loaded index's documents. A served index reads them from its `texts.bin` when a hit,
 * the reader or a quote check asks (`readDocumentTexts`); an index assembled in memory keeps them as
 * strings (`keepDocumentTexts`). Either answers exactly what `document.text` and its slices were.
 */
export interface DocumentTexts {
  /** The whole text of a document of the index. */
  documentText(document: DocumentRecord): string;
  /** A passage's text: its document's text from `passage.start` to `passage.end`. */
  passageText(document: DocumentRecord, passage: StoredPassage): string;
}

export interface DocumentTextsOptions {
  /** Characters of recently read texts kept in memory. Default 4,000,000 (a few MB: the hits of a few hundred searches, a few dozen documents). */
  cacheChars: number;
}

export const DEFAULT_DOCUMENT_TEXTS_OPTIONS: DocumentTextsOptions = { cacheChars: 4_000_000 };

/** Texts held as strings, by document id. */
export function keepDocumentTexts(texts: ReadonlyMap<string, string>): DocumentTexts {
  const documentText = (document: DocumentRecord) => {
    const text = texts.get(document.id);
    if (text === undefined) throw new Error(`no text for document ${document.id}`);
    return text;
  };
  return { documentText, passageText: (document, passage) => documentText(document).slice(passage.start, passage.end) };
}

// The file stays open as long as its index is in use, even after a newer build replaced (and removed)
// the folder: an open file is still read whole. It is closed when the index is collected.
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
});

/**
 * Texts read from an open `texts.bin` (file descriptor `fd`, tables `layout`) for `documents`, in index
 * order. A read is one positioned read (pread) of the bytes asked for: a few microseconds for a passage
 * from the page cache; it is synchronous so that a search stays one synchronous step, as it is in memory.
 */
export function readDocumentTexts(fd: number, layout: TextsLayout, documents: readonly DocumentRecord[], options: Partial<DocumentTextsOptions> = {}): DocumentTexts {
  const { cacheChars } = { ...DEFAULT_DOCUMENT_TEXTS_OPTIONS, ...options };
  const cache = new TextCache(cacheChars);
  const numbers = new Map<string, number>();
  const firstPassages = new Uint32Array(documents.length);
  let passages = 0;
  documents.forEach((document, at) => {
    numbers.set(document.id, at);
    firstPassages[at] = passages;
    passages += document.passages.length;
  });
  const numberOf = (document: DocumentRecord) => {
    const at = numbers.get(document.id);
    if (at === undefined) throw new Error(`no text for document ${document.id}`);
    return at;
  };
  const readBytes = (from: number, to: number): string => {
    const length = to - from;
    const buffer = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const read = readSync(fd, buffer, done, length - done, layout.textAreaStart + from + done);
      if (read === 0) throw new Error('the texts file of the index ends early: it was changed after it was loaded');
      done += read;
    }
    return buffer.toString('utf8');
  };
  const documentText = (document: DocumentRecord) => {
    const at = numberOf(document);
    const key = `d${at}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = readBytes(layout.documentStarts[at]!, layout.documentStarts[at + 1]!);
      cache.set(key, text);
    }
    return text;
  };
  const texts: DocumentTexts = {
    documentText,
    passageText: (document, passage) => {
      const at = numberOf(document);
      const whole = cache.get(`d${at}`);
      if (whole !== undefined) return whole.slice(passage.start, passage.end);
      const number = firstPassages[at]! + passage.ordinal;
      const key = `p${number}`;
      let text = cache.get(key);
      if (text === undefined) {
        const base = layout.documentStarts[at]!;
        text = readBytes(base + layout.passageBytes[2 * number]!, base + layout.passageBytes[2 * number + 1]!);
        cache.set(key, text);
      }
      return text;
    },
  };
  openFiles.register(texts, fd);
  return texts;
}
