import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../server/search/build-snippet.ts';

const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
const highlighted = (segments: { text: string; highlight: boolean }[]) => segments.filter((s) => s.highlight).map((s) => s.text);
const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('buildSnippet', () => {
  it('shows a short passage whole, highlighting every form of a matched term', () => {
    const text = 'Sophie Wilmès met the press. FOREIGN MINISTER WILMES: Thank you.';
    const segments = buildSnippet(text, new Set(['wilmes']));
    expect(joined(segments)).toBe(text);
    expect(highlighted(segments)).toEqual(['Wilmès', 'WILMES']);
  });

  it('highlights whole words only, never a word that merely contains the term', () => {
    const segments = buildSnippet('The coalition met the coalitions’ envoys, and Coalition’s staff.', new Set(['coalition']));
    expect(highlighted(segments)).toEqual(['coalition', 'Coalition’s']);
  });

  it('picks the window with the most distinct matched terms, cut at words, with ellipses', () => {
    const text = `${words(0, 20)} alpha ${words(20, 60)} alpha beta ${words(60, 100)}.`;
    const segments = buildSnippet(text, new Set(['alpha', 'beta']), { windowWords: 10, leadWords: 3 });
    expect(joined(segments)).toBe('…w57 w58 w59 alpha beta w60 w61 w62 w63 w64…');
    expect(segments).toEqual([
      { text: '…w57 w58 w59 ', highlight: false },
      { text: 'alpha', highlight: true },
      { text: ' ', highlight: false },
      { text: 'beta', highlight: true },
      { text: ' w60 w61 w62 w63 w64…', highlight: false },
    ]);
  });

  it('starts at the beginning without an ellipsis when the matches are there', () => {
    const segments = buildSnippet(`alpha ${words(0, 50)}`, new Set(['alpha']), { windowWords: 5 });
    expect(joined(segments)).toBe('alpha w0 w1 w2 w3…');
  });

  it('ends with the text’s own punctuation when the window reaches the end', () => {
    const segments = buildSnippet(`${words(0, 50)} alpha.`, new Set(['alpha']), { windowWords: 5 });
    expect(joined(segments)).toBe('…w46 w47 w48 w49 alpha.');
  });

  it('returns text, not markup: angle brackets stay characters', () => {
    const segments = buildSnippet('<b>alpha</b> & <script>x</script>', new Set(['alpha']));
    expect(joined(segments)).toBe('<b>alpha</b> & <script>x</script>');
    expect(highlighted(segments)).toEqual(['alpha']);
  });
});
