import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords } from '../../indexer/analyzer/index.ts';
import { getIndexFacts } from '../../server/index/index-facts.ts';
import { parseQuery } from '../../server/query/parse-query.ts';
import { matchNodes } from '../../server/query/query-tree.ts';
import { widenForIndex } from '../../server/search/widen-for-index.ts';
import { findHighlights } from '../../server/search/find-highlights.ts';
import { createPassageHighlighter } from '../../server/search/locate-highlights.ts';
import { toWordBounds } from '../../server/search/word-bounds.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';

const WORDS = ['the', 'coalition', 'Coalition’s', 'coalitions', 'coalision', 'Wilmès', 'WILMES', 'of', 'international', 'internationally', 'cooperation', 'co-chaired', 'U.S.', 'US', 'and'];
const QUERIES = ['coalition', 'wilmes', 'intern', 'co', 'the coal', 'coalitoin', '"international cooperation"', 'us and', 'coalition OR cooperation', '"of the" coalition'];

describe('search highlights read from word positions', () => {
  it('mark the same words, with the same labels and kinds of match, as reading the passage text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }), fc.constantFrom(...QUERIES), fc.boolean(), (words, query, typing) => {
        const text = words.join(' ');
        const index = buildMemoryIndex([{ path: 'a.txt', title: 'T', source: 's', passages: [{ text }] }]);
        const nodes = matchNodes(widenForIndex(index, parseQuery(query, { typing })).tree);
        const fromPositions = createPassageHighlighter(index, getIndexFacts(index), nodes)(0, text, toWordBounds(findWords(text)));
        expect(fromPositions).toEqual(findHighlights(text, nodes));
      }),
      { numRuns: 300 },
    );
  });

  it('mark every completion of a short prefix, beyond those the search expands it to', () => {
    // 80 words starting with "pa": more than the completions a typed word expands to.
    const completions = Array.from({ length: 80 }, (_, i) => `pa${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const text = [...completions, 'Pâté', 'other'].join(' ');
    const index = buildMemoryIndex([{ path: 'a.txt', title: 'T', source: 's', passages: [{ text }, { text: completions.slice(0, 40).join(' ') }] }]);
    const nodes = matchNodes(widenForIndex(index, parseQuery('pa*', { typing: true })).tree);
    const fromPositions = createPassageHighlighter(index, getIndexFacts(index), nodes)(0, text, toWordBounds(findWords(text)));
    expect(fromPositions.map(({ word }) => word)).toEqual([...completions, 'Pâté']);
    expect(fromPositions).toEqual(findHighlights(text, nodes));
  });
});
