import type { StoredDocument } from './index-format.ts';

/**
 * The texts of an index's documents, `texts.bin`, apart from their labels (`documents.json`): a server
 * keeps the labels in memory and reads a text from the file when a hit, the reader or a quote check
 * needs it, so that an archive's texts (0.7 GB at a million passages) never sit in its heap.
 *
 * Layout, little-endian: magic "PSTX" (u32), version (u32), documentCount (u32), passageCount (u32);
 * `documentStarts`, f64[documentCount + 1]: where each document's text starts in the text area, in bytes
 * (the last entry is the area's length); `passageBytes`, u32[2 × passageCount]: each passage's start and
 * end in bytes from its document's start, passages numbered as in the term index; then the text area,
 * every document's text in UTF-8, one after another.
 */
const MAGIC = 0x58545350; // "PSTX"
const VERSION = 1;
/** Bytes of the fixed header. */
export const TEXTS_HEADER_BYTES = 16;

/** Where the texts are in a texts file: what a reader keeps in memory (8 bytes a passage). */
export interface TextsLayout {
  documentCount: number;
  passageCount: number;
  /** Byte offset of document d's text in the text area; `documentStarts[documentCount]` is the area's length. */
  documentStarts: Float64Array;
  /** `passageBytes[2p]`, `passageBytes[2p + 1]`: passage p's start and end, in bytes from its document's start. */
  passageBytes: Uint32Array;
  /** Where the text area begins in the file. */
  textAreaStart: number;
  /** The file's length, if it is whole. */
  fileBytes: number;
}

export class TextsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextsFileError';
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const splitsCharacter = (text: string, offset: number) => isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));

/**
 * `text` in UTF-8 with the byte offset of each of `offsets` (ascending code-unit offsets). Each piece
 * between two offsets is encoded on its own, so that reading the bytes of a passage gives its text;
 * one encoding of the whole gives the same bytes unless an offset falls between the two halves of a
 * character (passages are cut between words, so only a hostile document does that).
 *
 * UTF-8 cannot hold a lone surrogate (a half character, possible in a JSON record's escapes): it is
 * stored as U+FFFD, also one code unit, so every offset into the text stays right.
 */
function encodeWithOffsets(text: string, offsets: readonly number[]): { bytes: Buffer; byteOffsets: number[] } {
  const byteOffsets: number[] = [];
  let chars = 0;
  let total = 0;
  if (!offsets.some((offset) => splitsCharacter(text, offset))) {
    for (const offset of offsets) {
      total += Buffer.byteLength(text.slice(chars, offset), 'utf8');
      chars = offset;
      byteOffsets.push(total);
    }
    return { bytes: Buffer.from(text, 'utf8'), byteOffsets };
  }
  const pieces: Buffer[] = [];
  for (const offset of [...offsets, text.length]) {
    const piece = Buffer.from(text.slice(chars, offset), 'utf8');
    pieces.push(piece);
    total += piece.length;
    chars = offset;
    byteOffsets.push(total);
  }
  byteOffsets.pop();
  return { bytes: Buffer.concat(pieces), byteOffsets };
}

/**
 * The bytes of a texts file for `documents` (in index order), as parts to write one after another:
 * the tables, then each document's text; never one buffer of every text.
 */
export function encodeTexts(documents: readonly StoredDocument[]): Uint8Array[] {
  const passageCount = documents.reduce((sum, document) => sum + document.passages.length, 0);
  const tables = Buffer.alloc(TEXTS_HEADER_BYTES + 8 * (documents.length + 1) + 8 * passageCount);
  [MAGIC, VERSION, documents.length, passageCount].forEach((value, i) => tables.writeUInt32LE(value, 4 * i));
  const documentStarts = new Float64Array(tables.buffer, tables.byteOffset + TEXTS_HEADER_BYTES, documents.length + 1);
  const passageBytes = new Uint32Array(tables.buffer, tables.byteOffset + TEXTS_HEADER_BYTES + 8 * (documents.length + 1), 2 * passageCount);
  const parts: Uint8Array[] = [tables];
  let areaBytes = 0;
  let passage = 0;
  documents.forEach((document, at) => {
    documentStarts[at] = areaBytes;
    // Offsets ascend within a document (passages are in order and do not overlap), so one walk counts them all.
    const { bytes, byteOffsets } = encodeWithOffsets(document.text, document.passages.flatMap(({ start, end }) => [start, end]));
    passageBytes.set(byteOffsets, 2 * passage);
    passage += document.passages.length;
    parts.push(bytes);
    areaBytes += bytes.length;
  });
  documentStarts[documents.length] = areaBytes;
  return parts;
}

/** How many bytes `readTextsLayout` needs from the start of a file whose first 16 bytes are `header`. */
export function measureTextsTables(header: Uint8Array): number {
  if (header.length < TEXTS_HEADER_BYTES) throw new TextsFileError('it is truncated');
  const view = new DataView(header.buffer, header.byteOffset, TEXTS_HEADER_BYTES);
  if (view.getUint32(0, true) !== MAGIC) throw new TextsFileError('it is not a Passim texts file');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new TextsFileError(`it has version ${version}, this server reads version ${VERSION}`);
  return TEXTS_HEADER_BYTES + 8 * (view.getUint32(8, true) + 1) + 8 * view.getUint32(12, true);
}

/** The tables of a texts file, from its first `measureTextsTables` bytes, checked against each other. */
export function readTextsLayout(tables: Uint8Array): TextsLayout {
  const tablesBytes = measureTextsTables(tables);
  if (tables.length < tablesBytes) throw new TextsFileError('it is truncated');
  const view = new DataView(tables.buffer, tables.byteOffset, TEXTS_HEADER_BYTES);
  const documentCount = view.getUint32(8, true);
  const passageCount = view.getUint32(12, true);
  // Copies, so that the tables are aligned and do not hold on to a larger buffer.
  const documentStarts = new Float64Array(documentCount + 1);
  new Uint8Array(documentStarts.buffer).set(tables.subarray(TEXTS_HEADER_BYTES, TEXTS_HEADER_BYTES + 8 * (documentCount + 1)));
  const passageBytes = new Uint32Array(2 * passageCount);
  new Uint8Array(passageBytes.buffer).set(tables.subarray(TEXTS_HEADER_BYTES + 8 * (documentCount + 1), tablesBytes));
  for (let d = 0; d < documentCount; d += 1) {
    if (!(documentStarts[d]! <= documentStarts[d + 1]!)) throw new TextsFileError('its documents are out of order');
  }
  if (documentStarts[0] !== 0 && documentCount > 0) throw new TextsFileError('its first document does not start its text area');
  return { documentCount, passageCount, documentStarts, passageBytes, textAreaStart: tablesBytes, fileBytes: tablesBytes + documentStarts[documentCount]! };
}

/**
 * Checks that each document's passages, `passageCounts[d]` of them in order, lie inside its text and in
 * order; returns why not, or undefined.
 */
export function findPassageBytesProblem(layout: TextsLayout, passageCounts: readonly number[]): string | undefined {
  if (passageCounts.length !== layout.documentCount) return `it holds ${layout.documentCount} documents, documents.json ${passageCounts.length}`;
  let passage = 0;
  for (let d = 0; d < passageCounts.length; d += 1) {
    const length = layout.documentStarts[d + 1]! - layout.documentStarts[d]!;
    let previousEnd = 0;
    for (let k = 0; k < passageCounts[d]!; k += 1, passage += 1) {
      const start = layout.passageBytes[2 * passage]!;
      const end = layout.passageBytes[2 * passage + 1]!;
      if (start < previousEnd || end < start || end > length) return `a passage of document ${d} lies outside its text`;
      previousEnd = end;
    }
  }
  return passage === layout.passageCount ? undefined : `it holds ${layout.passageCount} passages, documents.json ${passage}`;
}
