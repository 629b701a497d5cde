import type { DocumentRecord, StoredDocument } from './index-format.ts';

/**
 * The document store, `documents.json`: a JSON array written one document per line, each document
 * without its text (in `texts.bin`, see texts-file.ts). It stays one
 * valid JSON value for any tool, and a server can parse it a line at a time, yielding between lines,
 * instead of in one `JSON.parse` that blocks for seconds on a large archive. JSON escapes every line
 * break inside a string, so a line break in the file always ends a document.
 */
export function serializeDocuments(documents: readonly DocumentRecord[]): string {
  return encodeDocuments(documents).toString('utf8');
}

/**
 * The bytes of `serializeDocuments`, encoded a document at a time: a large archive's documents are
 * never one string (hundreds of MB, and V8 makes all of it two bytes a character as soon as one
 * document holds a character beyond Latin-1).
 */
export function encodeDocuments(documents: readonly DocumentRecord[]): Buffer {
  const parts = [Buffer.from('[\n')];
  documents.forEach((document, at) => parts.push(Buffer.from(`${JSON.stringify(document)}${at < documents.length - 1 ? ',' : ''}\n`)));
  parts.push(Buffer.from(']\n'));
  return Buffer.concat(parts);
}

/** What `documents.json` keeps of a document: everything but its text. */
export function toDocumentRecord(document: StoredDocument): DocumentRecord {
  const { text: _text, ...record } = document;
  return record;
}

const NEWLINE = 0x0a;
const OPENING = '[';
const CLOSING = ']';

/** The file is not the array of documents that serializeDocuments writes. */
export class DocumentsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentsFileError';
  }
}

/** Whether `bytes` has the one-document-per-line layout (an opening bracket alone on the first line). */
export function hasDocumentLines(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === OPENING.charCodeAt(0) && bytes[1] === NEWLINE;
}

/**
 * The documents of a file in the one-per-line layout, parsed one at a time as the caller asks for
 * them, so that it can pause between them. The values are not checked beyond being JSON: that is
 * the caller's job. Throws DocumentsFileError on a line that is not JSON or a file that ends early.
 */
export function* readDocumentLines(bytes: Uint8Array): Generator<unknown, void, undefined> {
  const reader = new DocumentLineReader();
  yield* reader.push(bytes);
  reader.end();
}

/**
 * The same parse over a file that arrives in chunks (a read stream), so that the file is never held
 * whole beside the documents made from it: at a quarter of a million passages that is a few hundred MB
 * less at the peak of a load.
 */
export async function* readDocumentChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<unknown, void, undefined> {
  const reader = new DocumentLineReader();
  for await (const chunk of chunks) yield* reader.push(chunk);
  reader.end();
}

/** Splits bytes into lines across chunk bounds and reads each line as the layout requires. */
class DocumentLineReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The start of a line whose end has not arrived yet. */
  private pending: Uint8Array = new Uint8Array(0);
  private lineNumber = 0;
  private closed = false;
  /** Whether the previous document was followed by a comma (there is none before the first). */
  private more = true;
  private count = 0;

  *push(chunk: Uint8Array): Generator<unknown, void, undefined> {
    let bytes = chunk;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
    }
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const value = this.readLine(bytes.subarray(start, end));
      start = end + 1;
      if (value !== NO_DOCUMENT) yield value;
    }
    this.pending = bytes.slice(start);
  }

  /** Checks the file ended where the layout says. */
  end(): void {
    if (this.pending.length > 0) {
      const value = this.readLine(this.pending);
      this.pending = new Uint8Array(0);
      if (value !== NO_DOCUMENT) throw new DocumentsFileError('it ends before its closing "]"');
    }
    if (this.lineNumber === 0 || !this.closed) {
      throw new DocumentsFileError(this.lineNumber === 0 ? 'it does not start with a line holding "["' : 'it ends before its closing "]"');
    }
    if (this.more && this.count > 0) throw new DocumentsFileError('its last document is followed by a comma');
  }

  private readLine(bytes: Uint8Array): unknown {
    this.lineNumber += 1;
    if (this.lineNumber === 1) {
      if (bytes.length !== 1 || bytes[0] !== OPENING.charCodeAt(0)) throw new DocumentsFileError('it does not start with a line holding "["');
      return NO_DOCUMENT;
    }
    if (this.closed) {
      if (bytes.length > 0) throw new DocumentsFileError('it goes on after its closing "]"');
      return NO_DOCUMENT;
    }
    const line = decode(this.decoder, bytes);
    if (line === CLOSING) {
      this.closed = true;
      return NO_DOCUMENT;
    }
    if (!this.more) throw new DocumentsFileError('a document is not followed by a comma');
    this.more = line.endsWith(',');
    this.count += 1;
    try {
      return JSON.parse(this.more ? line.slice(0, -1) : line) as unknown;
    } catch (error) {
      if (error instanceof SyntaxError) throw new DocumentsFileError('a line is not valid JSON');
      throw error;
    }
  }
}

/** What readLine returns for a line that holds no document (the brackets, blank lines after them). */
const NO_DOCUMENT = Symbol('no document');

function decode(decoder: TextDecoder, line: Uint8Array): string {
  try {
    return decoder.decode(line);
  } catch {
    throw new DocumentsFileError('a line is not UTF-8');
  }
}
