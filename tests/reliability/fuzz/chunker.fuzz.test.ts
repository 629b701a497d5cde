import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords } from '../../../indexer/analyzer/index.ts';
import { chunkDocument, type PassageSpan } from '../../../indexer/chunk/chunk-document.ts';
import { segmentSentences } from '../../../indexer/chunk/segment-sentences.ts';
import { hostileText, runs, SMALL_INPUT_MS, timed, WORD_CHARACTER } from './hostile-arbitraries.ts';

/** Passages in order, inside the text, each counting its own words, and every word of the text in exactly one. */
function expectCoverage(text: string, passages: PassageSpan[]): void {
  let cursor = 0;
  const covered: string[] = [];
  for (const passage of passages) {
    expect(passage.start).toBeGreaterThanOrEqual(cursor);
    expect(passage.end).toBeGreaterThan(passage.start);
    expect(passage.end).toBeLessThanOrEqual(text.length);
    expect(WORD_CHARACTER.test(text.slice(cursor, passage.start))).toBe(false);
    const words = findWords(text.slice(passage.start, passage.end)).map(({ word }) => word);
    expect(passage.wordCount).toBe(words.length);
    covered.push(...words);
    cursor = passage.end;
  }
  expect(WORD_CHARACTER.test(text.slice(cursor))).toBe(false);
  expect(covered).toEqual(findWords(text).map(({ word }) => word));
}

const chunkOptions = fc
  .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 60 }))
  .map(([minWords, more, most, hard]) => ({ minWords, targetWords: minWords + more, maxWords: minWords + more + most, hardMaxWords: minWords + more + most + hard }));

const prose = fc
  .array(
    fc.tuple(
      fc.array(fc.constantFrom('The', 'senate', 'Mr.', 'U.S.', 'A.', 'etc.', 'e.g.', 'passed', 'bill', '“today”', '(aside)', 'and', 'J.', 'No.', '1989'), { minLength: 1, maxLength: 15 }),
      fc.constantFrom('.', '!', '?', '."', '.”', '…', ';', '.)', ''),
      fc.constantFrom(' ', '  ', '\n', ' \u00A0', '\n\n', ''),
    ),
    { maxLength: 80 },
  )
  .map((sentences) => sentences.map(([words, end, space]) => `${words.join(' ')}${end}${space}`).join(''));

describe('the chunker, on hostile text', () => {
  it('covers every word of the text in order, with nothing dropped and offsets inside the text', () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        const { value: passages, ms } = timed(() => chunkDocument(text));
        expect(ms).toBeLessThan(SMALL_INPUT_MS);
        expectCoverage(text, passages);
      }),
      runs(300),
    );
  });

  it('covers the text whatever the passage sizes asked for', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(200), prose), chunkOptions, (text, options) => {
        expectCoverage(text, chunkDocument(text, options));
      }),
      runs(300),
    );
  });

  it('reads sentences through a window that covers the text exactly, in order', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(150), prose), fc.integer({ min: 8, max: 400 }), (text, windowChars) => {
        const segments = [...segmentSentences(text, windowChars)];
        expect(segments.map(({ segment }) => segment).join('')).toBe(text);
        let cursor = 0;
        for (const { segment, index } of segments) {
          expect(index).toBe(cursor);
          cursor += segment.length;
        }
      }),
      runs(300),
    );
  });

  it('finds through a window the sentences Intl.Segmenter finds in the whole of ordinary prose', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    fc.assert(
      fc.property(prose, fc.integer({ min: 64, max: 600 }), (text, windowChars) => {
        const whole = [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));
        expect([...segmentSentences(text, windowChars)]).toEqual(whole);
      }),
      runs(300),
    );
  });

  it.each([
    ['sentences', 'The senate passed the bill today. '],
    ['initials', 'A. '],
    ['titles', 'Mr. '],
    ['initials, a line each', 'A.\n'],
    ['speaker turns', 'SECRETARY BLINKEN: Thank you. '],
    ['one endless word', 'x'],
    ['unbroken words', 'campaign '],
  ])('chunks 200 KB of %s on one line in bounded time', (_name, unit) => {
    const text = unit.repeat(Math.ceil(200_000 / unit.length));
    const { value: passages, ms } = timed(() => chunkDocument(text));
    // Linear now: about half a second. Quadratic before segment-sentences.ts: a minute for the initials.
    expect(ms).toBeLessThan(4000);
    expect(passages.reduce((sum, passage) => sum + passage.wordCount, 0)).toBe(findWords(text).length);
  });
});
