import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../server/index/loaded-index.ts';
import { parseQuery } from '../../server/query/parse-query.ts';
import { matchNodes } from '../../server/query/query-tree.ts';
import { findHighlights, type WordHighlight } from '../../server/search/find-highlights.ts';
import { locateDocumentHighlights } from '../../server/search/locate-document-highlights.ts';
import { widenForIndex } from '../../server/search/widen-for-index.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';

const WORDS = ['the', 'coalition', 'Coalition’s', 'coalitions', 'coalision', 'Wilmès', 'of', 'international', 'cooperation', 'U.S.', 'and'];
const QUERIES = ['coalition', 'wilmes', 'intern', 'the coal', '"international cooperation"', 'coalition OR cooperation', '"of the" coalition'];

describe('the reader’s highlights', () => {
  it('are the words the search marks, passage by passage: the analyzing highlighter over each passage agrees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...QUERIES),
        (passageWords, query) => {
          const other = { path: 'other.txt', title: 'Other', source: 's', passages: [{ text: 'coalition of the international cooperation' }] };
          const doc = { path: 'a.txt', title: 'T', source: 's', passages: passageWords.map((words) => ({ text: words.join(' ') })) };
          const index = buildMemoryIndex([other, doc]);
          const document = [...index.documents.values()].find((stored) => stored.title === 'T')!;
          const nodes = matchNodes(widenForIndex(index, parseQuery(query)).tree);
          // The oracle: read each passage's text word by word, then move to document offsets.
          let wordsBefore = 0;
          const expected: WordHighlight[] = document.passages.flatMap(({ start, end, wordCount }) => {
            const found = findHighlights(readDocumentText(index, document).slice(start, end), nodes).map((highlight) => ({ ...highlight, index: wordsBefore + highlight.index, start: start + highlight.start, end: start + highlight.end }));
            wordsBefore += wordCount;
            return found;
          });
          expect(locateDocumentHighlights(index, document, nodes)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('mark nothing across two passages: a phrase is found where the search finds it, inside one', () => {
    const index = buildMemoryIndex([{ path: 'a.txt', title: 'T', source: 's', passages: [{ text: 'ends with international' }, { text: 'cooperation starts this one' }] }]);
    const document = [...index.documents.values()][0]!;
    expect(locateDocumentHighlights(index, document, matchNodes(widenForIndex(index, parseQuery('"international cooperation"')).tree))).toEqual([]);
  });
});
