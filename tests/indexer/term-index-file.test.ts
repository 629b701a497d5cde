import { describe, expect, it } from 'vitest';
import { sumPositionStarts, type FieldPostings, type TermIndex } from '../../indexer/index/term-index.ts';
import { parseTermIndex, serializeTermIndex } from '../../indexer/index/term-index-file.ts';

/** A field of two terms over three passages, with `positions` as given. */
function field(freqs: number[], positions: number[]): FieldPostings {
  const freqArray = Uint32Array.from(freqs);
  return {
    offsets: Uint32Array.from([0, 2, freqs.length]),
    passages: Uint32Array.from([0, 2, 1].slice(0, freqs.length)),
    freqs: freqArray,
    positions: Uint32Array.from(positions),
    positionStarts: sumPositionStarts(freqArray),
    lengths: Uint32Array.from([5, 7, 9]),
    averageLength: 7,
  };
}

const index = (title: FieldPostings): TermIndex => ({
  passageCount: 3,
  terms: ['alpha', 'beta'],
  forms: ['Alpha', 'beta'],
  fields: { text: field([2, 1, 3], [0, 4, 1, 2, 5, 6]), title },
});

const plain = (postings: FieldPostings) => Object.fromEntries(Object.entries(postings).map(([key, value]) => [key, typeof value === 'number' ? value : Array.from(value as ArrayLike<number>)]));

describe('the term index file', () => {
  it('stores counts and positions in two bytes each where they fit, and reads back the same postings', () => {
    const written = index(field([1, 1, 1], [0, 3, 2]));
    const read = parseTermIndex(serializeTermIndex(written));
    expect(read.fields.text.freqs).toBeInstanceOf(Uint16Array);
    expect(read.fields.text.positions).toBeInstanceOf(Uint16Array);
    expect(read.fields.text.passages).toBeInstanceOf(Uint32Array);
    for (const name of ['text', 'title'] as const) expect(plain(read.fields[name])).toEqual(plain(written.fields[name]));
    expect([read.terms, read.forms, read.passageCount]).toEqual([written.terms, written.forms, written.passageCount]);
  });

  it('keeps four bytes for a field whose positions or counts do not fit in two, and the other field in two', () => {
    const written = index(field([1, 70_000, 1], [65_536, ...Array.from({ length: 70_000 }, (_, k) => k), 3]));
    const bytes = serializeTermIndex(written);
    const read = parseTermIndex(bytes);
    expect(read.fields.title.freqs).toBeInstanceOf(Uint32Array);
    expect(read.fields.title.positions).toBeInstanceOf(Uint32Array);
    expect(read.fields.text.positions).toBeInstanceOf(Uint16Array);
    for (const name of ['text', 'title'] as const) expect(plain(read.fields[name])).toEqual(plain(written.fields[name]));
    expect(() => parseTermIndex(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated|damaged/);
  });
});
