import { describe, expect, it } from 'vitest';
import { normalizeTerm, stemTerm } from '../../indexer/analyzer/index.ts';

const stem = (word: string, lang: string) => stemTerm(normalizeTerm(word), lang);

describe('stemming', () => {
  it.each([
    ['en', ['negotiations', 'negotiate', 'negotiated', 'negotiating'], 'negoti'],
    ['en', ['presidents', 'president', 'presiding'], 'presid'],
    ['en', ['taxes', 'tax', 'taxed'], 'tax'],
    ['fr', ['coopération', 'coopérations', 'coopérer'], 'cooper'],
    ['fr', ['négociations', 'négocier'], 'negoci'],
    ['nl', ['onderhandelingen', 'onderhandelen'], 'onderhandel'],
    ['nl', ['landen', 'land'], 'land'],
  ])('gives the %s forms %j one stem, %s', (lang, words, expected) => {
    for (const word of words) expect(stem(word, lang), word).toBe(expected);
  });

  it('leaves numbers, abbreviations and words of a language without a stemmer as they are', () => {
    expect(stemTerm('1990s', 'en')).toBe('1990s');
    for (const abbreviation of ['u.s.', 'e.g.', 'u.s.a.']) for (const lang of ['en', 'fr', 'nl']) expect(stemTerm(abbreviation, lang)).toBe(abbreviation);
    expect(stemTerm('verhandlungen', 'de')).toBe('verhandlungen');
  });
});
