import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords, normalizeTerm, tokenize } from '../../../indexer/analyzer/index.ts';
import { hostileText, runs, SMALL_INPUT_MS, timed, WORD_CHARACTER } from './hostile-arbitraries.ts';

describe('the analyzer, on hostile text', () => {
  it('finds words in order, inside the text, exactly as written, and leaves no letter or digit outside a word', () => {
    fc.assert(
      fc.property(hostileText(120), (text) => {
        const { value: words, ms } = timed(() => findWords(text));
        expect(ms).toBeLessThan(SMALL_INPUT_MS);
        let cursor = 0;
        let gaps = '';
        for (const { word, start, end } of words) {
          expect(start).toBeGreaterThanOrEqual(cursor);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(text.slice(start, end)).toBe(word);
          gaps += text.slice(cursor, start);
          cursor = end;
        }
        gaps += text.slice(cursor);
        expect(WORD_CHARACTER.test(gaps)).toBe(false);
        expect(tokenize(text)).toEqual(words.map(({ word }) => word));
      }),
      runs(400),
    );
  });

  it('reads a word it found as that same word again, so a copied word searches for itself', () => {
    fc.assert(
      fc.property(hostileText(60), (text) => {
        for (const { word } of findWords(text)) expect(findWords(word).map((found) => found.word)).toEqual([word]);
      }),
      runs(300),
    );
  });

  it('normalizes any word without throwing, to a lower-case term without marks, and a term normalizes to itself', () => {
    fc.assert(
      fc.property(hostileText(60), (text) => {
        for (const { word } of findWords(text)) {
          const term = normalizeTerm(word);
          expect(/\p{M}/u.test(term)).toBe(false);
          expect(term).toBe(term.toLowerCase());
          expect(normalizeTerm(term)).toBe(term);
        }
      }),
      runs(300),
    );
  });

  it('keeps to linear time on a megabyte with no spaces, of marks only, or of one-letter words', () => {
    for (const unit of ['x', '\u0301', 'a ', "é\u0301'a "]) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const { ms } = timed(() => findWords(text).map(({ word }) => normalizeTerm(word)));
      expect(ms, JSON.stringify(unit)).toBeLessThan(3000);
    }
  });
});
