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
    ['US$ 670 million', ['u.s.', '670', 'million']],
  ])('splits at non-breaking spaces, hyphens and dashes: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it.each([
    ['F-16', ['f', '16']],
    ["F-16's", ['f', '16']],
    ['F16', ['f16']],
    ['COVID-19', ['covid', '19']],
    ['covid19', ['covid19']],
    ['1990s', ['1990s']],
  ])('reads letters and digits apart when hyphenated, together when written together (the query meets them): %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it.each([
    ['U.S.', ['u.s.']],
    ["the U.S.'s allies", ['the', 'u.s.', 'allies']],
    ['U.S.A.', ['u.s.a.']],
    ['Washington, D.C. today', ['washington', 'd.c.', 'today']],
    ['the U.K. and the U.N.', ['the', 'u.k.', 'and', 'the', 'u.n.']],
    ['e.g. this, i.e. that', ['e.g.', 'this', 'i.e.', 'that']],
    ['U.S', ['u.s.']],
    ['U.S.Senate', ['u.s.', 'senate']],
    ['Plan B. Then', ['plan', 'b', 'then']],
    ['U.States', ['u', 'states']],
    ['www.state.gov', ['www', 'state', 'gov']],
  ])('reads dotted abbreviations as one word that keeps its dots, with or without the last dot: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it.each([
    ['US troops', ['u.s.', 'troops']],
    ["the US's role", ['the', 'u.s.', 'role']],
    ['the UK and the UN', ['the', 'u.k.', 'and', 'the', 'u.n.']],
    ['tell us', ['tell', 'us']],
    ['Us and Un', ['us', 'and', 'un']],
    ['un pays', ['un', 'pays']],
    ['the constructor of toString and hasOwnProperty', ['the', 'constructor', 'of', 'tostring', 'and', 'hasownproperty']],
  ])('reads US, UK and UN written in capitals as the abbreviations, and in lower case as words: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it.each([
    ['18,000 troops', ['18000', 'troops']],
    ['18.000 soldaten', ['18000', 'soldaten']],
    ['18\u00A0000 et 18\u202F000', ['18000', 'et', '18000']],
    ['$10,406,100.77', ['10406100.77']],
    ['1.2 billion', ['1.2', 'billion']],
    ['1,2 milliard', ['1.2', 'milliard']],
    ['in 1998, 1999 and 2000', ['in', '1998', '1999', 'and', '2000']],
  ])('reads a number with separators as one word: %s', (input, terms) => {
    expect(analyze(input)).toEqual(terms);
  });

  it('gives word offsets that point at the words in the original text', () => {
    const text = 'FOREIGN MINISTER WILMES:\u00A0 Ladies and gentlemen, dames en heren';
    for (const sample of [text, "F16s and U.S.'s 18,000 COVID-19 cases"]) for (const { word, start, end } of findWords(sample)) expect(sample.slice(start, end)).toBe(word);
    expect(findWords(text).map((span) => span.word)).toEqual(['FOREIGN', 'MINISTER', 'WILMES', 'Ladies', 'and', 'gentlemen', 'dames', 'en', 'heren']);
  });

  it('finds no words in punctuation alone', () => {
    expect(tokenize(' — “” ... !? ')).toEqual([]);
  });
});
