import type { StoredDocument } from './index-format.ts';

/**
 * The document store, `documents.json`: a JSON array written one document per line. It stays one
 * valid JSON value for any tool, and a server can parse it a line at a time, yielding between lines,
 * instead of in one `JSON.parse` that blocks for seconds on a large archive. JSON escapes every line
 * break inside a string, so a line break in the file always ends a document.
 */
export function serializeDocuments(documents: readonly StoredDocument[]): string {
  return encodeDocuments(documents).toString('utf8');
}

/**
 * The bytes of `serializeDocuments`, encoded a document at a time: a large archive's documents are
 * never one string (hundreds of MB, and V8 makes all of it two bytes a character as soon as one
 * document holds a character beyond Latin-1).
 */
export function encodeDocuments(documents: readonly StoredDocument[]): Buffer {
  const parts = [Buffer.from('[\n')];
  documents.forEach((document, at) => parts.push(Buffer.from(`${JSON.stringify(document)}${at < documents.length - 1 ? ',' : ''}\n`)));
  parts.push(Buffer.from(']\n'));
  return Buffer.concat(parts);
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
  if (!hasDocumentLines(bytes)) throw new DocumentsFileError('it does not start with a line holding "["');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 2;
  let closed = false;
  // Whether the previous document was followed by a comma (there is none before the first).
  let more = true;
  let count = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const line = decode(decoder, bytes.subarray(start, end));
    start = end + 1;
    if (line === CLOSING) {
      closed = true;
      break;
    }
    if (!more) throw new DocumentsFileError('a document is not followed by a comma');
    more = line.endsWith(',');
    count += 1;
    const value = more ? line.slice(0, -1) : line;
    try {
      yield JSON.parse(value) as unknown;
    } catch (error) {
      if (error instanceof SyntaxError) throw new DocumentsFileError('a line is not valid JSON');
      throw error;
    }
  }
  if (!closed) throw new DocumentsFileError('it ends before its closing "]"');
  if (more && count > 0) throw new DocumentsFileError('its last document is followed by a comma');
  if (bytes.subarray(start).some((byte) => byte !== NEWLINE)) throw new DocumentsFileError('it goes on after its closing "]"');
}

function decode(decoder: TextDecoder, line: Uint8Array): string {
  try {
    return decoder.decode(line);
  } catch {
    throw new DocumentsFileError('a line is not UTF-8');
  }
}
