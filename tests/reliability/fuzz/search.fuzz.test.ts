import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWords } from '../../../indexer/analyzer/index.ts';
import { loadIndex } from '../../../server/index/load-index.ts';
import { readDocumentText, type LoadedIndex } from '../../../server/index/loaded-index.ts';
import { runSearch } from '../../../server/search/run-search.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../../support/fixture-index.ts';
import { writeHostileCorpus } from '../support/hostile-corpus.ts';
import { hostileText, runs, SMALL_INPUT_MS, timed } from './hostile-arbitraries.ts';

let temp: TempFolder;
let index: LoadedIndex;
let corpusWords: string[];

beforeAll(async () => {
  temp = await makeTempFolder();
  const corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
  await writeHostileCorpus(corpusDir, { megabyteLines: false });
  index = await loadIndex((await buildTempIndex(corpusDir, temp)).indexDir);
  corpusWords = [...new Set([...index.documents.values()].flatMap((document) => findWords(readDocumentText(index, document)).map(({ word }) => word)))];
});
afterAll(() => temp?.remove());

describe('a search, from query to snippets, on hostile queries', () => {
  it('answers without throwing, with hits that are the document’s own text and snippets cut from them', () => {
    const word = fc.constantFrom(...corpusWords);
    const query = fc.oneof(
      hostileText(12),
      fc.array(fc.oneof(word, word.map((w) => `${w.slice(0, 3)}*`), word.map((w) => `"${w}`), hostileText(1)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 50 }), (q, page, limit) => {
        const { value: response, ms } = timed(() => runSearch(index, { q, sources: [], page, limit }));
        expect(ms).toBeLessThan(SMALL_INPUT_MS * 4);
        expect(response.hits.length).toBeLessThanOrEqual(limit);
        expect(response.total).toBeGreaterThanOrEqual(response.hits.length);
        const labels = new Set(response.interpretation?.terms.map((term) => term.text));
        for (const hit of response.hits) {
          const document = index.documents.get(hit.docId)!;
          expect(readDocumentText(index, document).slice(hit.start, hit.end)).toBe(hit.text);
          const shown = hit.snippet.map((segment) => segment.text).join('').replace(/^…|…$/g, '');
          expect(hit.text).toContain(shown);
          for (const segment of hit.snippet.filter((s) => s.highlight)) expect(labels.has(segment.term!)).toBe(true);
        }
      }),
      runs(300),
    );
  });
});
