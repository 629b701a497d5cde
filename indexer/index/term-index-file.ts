import { TERM_INDEX_FIELDS, type FieldPostings, type SmallCounts, type TermIndex, type TermIndexField } from './term-index.ts';

/**
 * The binary file of a term index. Layout, all integers little-endian, every array 4-byte aligned:
 * magic "PSTI", version, passageCount, termCount, termBytes (u32); the terms, then after one more "\n"
 * their usual written forms, as UTF-8 joined by "\n" (a word never holds one), zero-padded to 4 bytes;
 * then per field (text, title): postingCount, positionCount (u32), averageLength (f32), the byte width
 * of its counts and of its positions (u32: 2 or 4 each, `freqWidth | positionWidth << 8`),
 * offsets[termCount + 1], passages[postingCount] (u32), freqs[postingCount], positions[positionCount]
 * (each of its width, zero-padded to 4 bytes), lengths[passageCount] (u32).
 */
const MAGIC = 0x49545350; // "PSTI"
const VERSION = 4;
const FIELD_HEADER_BYTES = 16;

/** 2 when every value fits in 16 bits, else 4. */
function widthOf(values: SmallCounts): 2 | 4 {
  if (values instanceof Uint16Array) return 2;
  for (let k = 0; k < values.length; k += 1) if (values[k]! > 0xffff) return 4;
  return 2;
}

const padded = (bytes: number) => Math.ceil(bytes / 4) * 4;

export class TermIndexFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TermIndexFileError';
  }
}

export function serializeTermIndex(index: TermIndex): Uint8Array {
  const termBytes = new TextEncoder().encode([...index.terms, ...index.forms].join('\n'));
  const widths = Object.fromEntries(TERM_INDEX_FIELDS.map((name) => [name, { freqs: widthOf(index.fields[name].freqs), positions: widthOf(index.fields[name].positions) }])) as Record<TermIndexField, { freqs: 2 | 4; positions: 2 | 4 }>;
  const fieldBytes = (field: FieldPostings, width: { freqs: number; positions: number }) =>
    FIELD_HEADER_BYTES + 4 * (field.offsets.length + field.passages.length + field.lengths.length) + padded(width.freqs * field.freqs.length) + padded(width.positions * field.positions.length);
  const size = 20 + padded(termBytes.length) + TERM_INDEX_FIELDS.reduce((sum, name) => sum + fieldBytes(index.fields[name], widths[name]), 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  [MAGIC, VERSION, index.passageCount, index.terms.length, termBytes.length].forEach((value, i) => view.setUint32(i * 4, value, true));
  bytes.set(termBytes, 20);
  let at = 20 + padded(termBytes.length);
  for (const name of TERM_INDEX_FIELDS) {
    const field = index.fields[name];
    view.setUint32(at, field.passages.length, true);
    view.setUint32(at + 4, field.positions.length, true);
    view.setFloat32(at + 8, field.averageLength, true);
    view.setUint32(at + 12, widths[name].freqs | (widths[name].positions << 8), true);
    at += FIELD_HEADER_BYTES;
    const freqs = toWidth(field.freqs, widths[name].freqs);
    const positions = toWidth(field.positions, widths[name].positions);
    for (const array of [field.offsets, field.passages, freqs, positions, field.lengths]) {
      // Typed arrays are little-endian on every platform Node runs on; a byte copy keeps the layout.
      bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
      at += padded(array.byteLength);
    }
  }
  return bytes;
}

/** The values in an array of `width` bytes each (they fit: widthOf said so). */
function toWidth(values: SmallCounts, width: 2 | 4): SmallCounts {
  if (width === 2) return values instanceof Uint16Array ? values : Uint16Array.from(values);
  return values instanceof Uint32Array ? values : Uint32Array.from(values);
}

/** Reads a term index file; the arrays are views on one copy of the file, not parsed element by element. */
export function parseTermIndex(file: Uint8Array): TermIndex {
  const steps = parseTermIndexInSteps(file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Postings summed between two steps of parseTermIndexInSteps: a few milliseconds of work. */
const POSTINGS_PER_STEP = 1 << 20;

/**
 * parseTermIndex, yielding between steps of a few milliseconds, so that a server can answer requests
 * while it reads a large index (the running sum of positions visits every posting).
 */
export function* parseTermIndexInSteps(file: Uint8Array): Generator<void, TermIndex, undefined> {
  // Views need 4-byte alignment: copy once into a fresh buffer when the file's bytes are not aligned.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice();
  if (bytes.byteLength < 20) throw new TermIndexFileError('the term index file is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = [0, 1, 2, 3, 4].map((i) => view.getUint32(i * 4, true));
  const [magic, version, passageCount, termCount, termBytes] = header as [number, number, number, number, number];
  if (magic !== MAGIC) throw new TermIndexFileError('the term index file is not a Passim term index');
  if (version !== VERSION) throw new TermIndexFileError(`the term index file has version ${version}, this server reads version ${VERSION}`);
  const words = termCount === 0 ? [] : new TextDecoder().decode(bytes.subarray(20, 20 + termBytes)).split('\n');
  if (words.length !== 2 * termCount) throw new TermIndexFileError('the term index file is damaged (term list)');
  const terms = words.slice(0, termCount);
  const forms = words.slice(termCount);

  let at = 20 + Math.ceil(termBytes / 4) * 4;
  const take = (count: number, width: number = 4): SmallCounts => {
    if (at + padded(count * width) > bytes.byteLength) throw new TermIndexFileError('the term index file is truncated');
    const array = width === 2 ? new Uint16Array(bytes.buffer, bytes.byteOffset + at, count) : new Uint32Array(bytes.buffer, bytes.byteOffset + at, count);
    at += padded(count * width);
    return array;
  };
  const take32 = (count: number) => take(count) as Uint32Array;
  const fields = {} as Record<TermIndexField, FieldPostings>;
  for (const name of TERM_INDEX_FIELDS) {
    if (at + FIELD_HEADER_BYTES > bytes.byteLength) throw new TermIndexFileError('the term index file is truncated');
    const postingCount = view.getUint32(at, true);
    const positionCount = view.getUint32(at + 4, true);
    const averageLength = view.getFloat32(at + 8, true);
    const widths = view.getUint32(at + 12, true);
    const [freqWidth, positionWidth] = [widths & 0xff, widths >>> 8];
    if (![2, 4].includes(freqWidth) || ![2, 4].includes(positionWidth)) throw new TermIndexFileError('the term index file is damaged (widths)');
    at += FIELD_HEADER_BYTES;
    const offsets = take32(termCount + 1);
    if (offsets[termCount] !== postingCount) throw new TermIndexFileError('the term index file is damaged (offsets)');
    const passages = take32(postingCount);
    const freqs = take(postingCount, freqWidth);
    const positions = take(positionCount, positionWidth);
    const positionStarts = yield* sumPositionStartsInSteps(freqs);
    if (positionStarts[postingCount] !== positionCount) throw new TermIndexFileError('the term index file is damaged (positions)');
    fields[name] = { offsets, passages, freqs, positions, positionStarts, lengths: take32(passageCount), averageLength };
  }
  if (at !== bytes.byteLength) throw new TermIndexFileError('the term index file has trailing bytes');
  return { passageCount, terms, forms, fields };
}

/** Where each posting's positions begin (term-index.ts sumPositionStarts), a step at a time. */
function* sumPositionStartsInSteps(freqs: SmallCounts): Generator<void, Uint32Array, undefined> {
  const starts = new Uint32Array(freqs.length + 1);
  for (let from = 0; from < freqs.length; from += POSTINGS_PER_STEP) {
    sumRange(starts, freqs, from, Math.min(freqs.length, from + POSTINGS_PER_STEP));
    yield;
  }
  return starts;
}

// A plain function for the hot loop: V8 optimizes it better than a loop inside a generator.
function sumRange(starts: Uint32Array, freqs: SmallCounts, from: number, to: number): void {
  for (let k = from; k < to; k += 1) starts[k + 1] = starts[k]! + freqs[k]!;
}
