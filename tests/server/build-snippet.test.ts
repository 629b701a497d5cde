import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords, normalizeTerm } from '../../indexer/analyzer/index.ts';
import { parseQuery } from '../../server/query/parse-query.ts';
import { matchNodes } from '../../server/query/query-tree.ts';
import { buildSnippet, type SnippetOptions } from '../../server/search/build-snippet.ts';
import { findHighlights } from '../../server/search/find-highlights.ts';

const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
const highlighted = (segments: { text: string; highlight: boolean }[]) => segments.filter((s) => s.highlight).map((s) => s.text);
const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
/** A snippet of `text` for a query typed and finished (no prefix on the last word). */
const snippet = (text: string, query: string, options?: Partial<SnippetOptions>) =>
  buildSnippet(text, findHighlights(text, matchNodes(parseQuery(query, { typing: false }))), options);

describe('buildSnippet', () => {
  it('shows a short passage whole, highlighting every form of a matched term', () => {
    const text = 'Sophie Wilmès met the press. FOREIGN MINISTER WILMES: Thank you.';
    const segments = snippet(text, 'wilmes');
    expect(joined(segments)).toBe(text);
    expect(highlighted(segments)).toEqual(['Wilmès', 'WILMES']);
    expect(segments.filter((s) => s.highlight).map((s) => s.term)).toEqual(['wilmes', 'wilmes']);
  });

  it('highlights whole words only, never a word that merely contains the term', () => {
    const segments = snippet('The coalition met the coalitions’ envoys, and Coalition’s staff; a coalitionist.', '"coalition"');
    expect(highlighted(segments)).toEqual(['coalition', 'Coalition’s']);
  });

  it('highlights fuzzy and prefix forms, each labelled with the query term it matched', () => {
    const segments = snippet('The coalision met; international partners and internationally minded donors.', 'coalition intern*');
    expect(segments.filter((s) => s.highlight).map((s) => [s.text, s.term])).toEqual([
      ['coalision', 'coalition'],
      ['international', 'intern'],
      ['internationally', 'intern'],
    ]);
  });

  it('highlights a phrase only where its words stand together', () => {
    const segments = snippet('International law and cooperation: international cooperation works.', '"international cooperation"');
    expect(highlighted(segments)).toEqual(['international', 'cooperation']);
    expect(joined(segments)).toBe('International law and cooperation: international cooperation works.');
  });

  it('picks the window with the most distinct matched terms, cut at words, with ellipses', () => {
    const text = `${words(0, 20)} alpha ${words(20, 60)} alpha beta ${words(60, 100)}.`;
    const segments = snippet(text, 'alpha beta', { windowWords: 10, leadWords: 3 });
    expect(joined(segments)).toBe('…w57 w58 w59 alpha beta w60 w61 w62 w63 w64…');
    expect(segments).toEqual([
      { text: '…w57 w58 w59 ', highlight: false },
      { text: 'alpha', highlight: true, term: 'alpha' },
      { text: ' ', highlight: false },
      { text: 'beta', highlight: true, term: 'beta' },
      { text: ' w60 w61 w62 w63 w64…', highlight: false },
    ]);
  });

  it('counts distinct query terms, not repeats, when choosing the window', () => {
    const text = `alpha alpha alpha alpha ${words(0, 40)} alpha beta ${words(40, 80)}`;
    expect(joined(snippet(text, 'alpha beta', { windowWords: 6, leadWords: 1 }))).toBe('…w39 alpha beta w40 w41 w42…');
  });

  it('starts at the beginning without an ellipsis when the matches are there', () => {
    expect(joined(snippet(`alpha ${words(0, 50)}`, 'alpha', { windowWords: 5 }))).toBe('alpha w0 w1 w2 w3…');
  });

  it('ends with the text’s own punctuation when the window reaches the end', () => {
    expect(joined(snippet(`${words(0, 50)} alpha.`, 'alpha', { windowWords: 5 }))).toBe('…w46 w47 w48 w49 alpha.');
  });

  it('returns text, not markup: angle brackets stay characters', () => {
    const segments = snippet('<b>alpha</b> & <script>x</script>', 'alpha');
    expect(joined(segments)).toBe('<b>alpha</b> & <script>x</script>');
    expect(highlighted(segments)).toEqual(['alpha']);
  });

  it('only ever highlights whole words of the text that match a query term (property)', () => {
    const vocabulary = ['alpha', 'Alphä', 'beta', 'betas', 'gamma', 'ALPHA', 'alpah', 'delta'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 80 }), fc.constantFrom('alpha', 'beta', 'alpha beta', 'gamma*', '"beta gamma"'), (list, query) => {
        const text = list.join(' ');
        const nodes = matchNodes(parseQuery(query, { typing: false }));
        const highlights = findHighlights(text, nodes);
        const wordsOfText = findWords(text);
        for (const highlight of highlights) {
          expect(text.slice(highlight.start, highlight.end)).toBe(highlight.word);
          expect(wordsOfText.some((word) => word.start === highlight.start && word.end === highlight.end)).toBe(true);
          const term = normalizeTerm(highlight.word);
          expect(nodes.some((node) => (node.kind === 'term' ? node.term === term || (node.prefix && term.startsWith(node.term)) || node.typos > 0 : node.terms.includes(term)))).toBe(true);
        }
        const segments = buildSnippet(text, highlights, { windowWords: 10 });
        expect(joined(segments).replace(/…/g, '').length).toBeLessThanOrEqual(text.length);
        for (const segment of segments.filter((s) => s.highlight)) expect(highlights.map((h) => h.word)).toContain(segment.text);
      }),
    );
  });
});
