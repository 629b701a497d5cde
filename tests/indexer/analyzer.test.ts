import { describe, expect, it } from 'vitest';
import { findWords, normalizeTerm, tokenize } from '../../indexer/analyzer/index.ts';

const analyze = (text: string) => tokenize(text).map(normalizeTerm);

describe('the analyzer', () => {
  it.each([
    ['Wilmès', ['wilmes']],
    ['WILMES', ['wilmes']],
    ['Sophie Wilmès:', ['sophie', 'wilmes']],
    ['coopération internationale', ['cooperation', 'internationale']],
    ['Straße Œuvre', ['strasse', 'oeuvre']],
  ])('folds case and accents: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it.each([
    ['Today’s meeting', ['today', 'meeting']],
    ["Today's meeting", ['today', 'meeting']],
    ['the Coalition’s philosophy', ['the', 'coalition', 'philosophy']],
    ['we’re convinced', ['were', 'convinced']],
    ["don't", ['dont']],
  ])('treats curly and straight apostrophes alike: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it.each([
    ['dames\u00A0en\u00A0heren', ['dames', 'en', 'heren']],
    ['Alliance.\u00A0 Both', ['alliance', 'both']],
    ['co-chaired', ['co', 'chaired']],
    ['Biden-Harris administration', ['biden', 'harris', 'administration']],
    ['countries – and especially', ['countries', 'and', 'especially']],
    ['F-16’s in Iraq', ['f', '16', 'in', 'iraq']],
    ['US$ 670 million', ['us', '670', 'million']],
  ])('splits at non-breaking spaces, hyphens and dashes: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it('gives word offsets that point at the words in the original text', () => {
    const text = 'FOREIGN MINISTER WILMES:\u00A0 Ladies and gentlemen, dames en heren';
    for (const { word, start, end } of findWords(text)) expect(text.slice(start, end)).toBe(word);
    expect(findWords(text).map((span) => span.word)).toEqual(['FOREIGN', 'MINISTER', 'WILMES', 'Ladies', 'and', 'gentlemen', 'dames', 'en', 'heren']);
  });

  it('finds no words in punctuation alone', () => {
    expect(tokenize(' — “” ... !? ')).toEqual([]);
  });
});
