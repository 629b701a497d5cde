import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords, normalizeTerm } from '../../../indexer/analyzer/index.ts';
import type { SnippetSegment } from '../../../server/api/types.ts';
import { termLabel } from '../../../server/query/describe-query.ts';
import { parseQuery } from '../../../server/query/parse-query.ts';
import { matchNodes, type MatchNode } from '../../../server/query/query-tree.ts';
import { buildSnippet } from '../../../server/search/build-snippet.ts';
import { findHighlights, type WordHighlight } from '../../../server/search/find-highlights.ts';
import { analyzeText, findPhraseStarts } from '../../../server/search/find-phrase.ts';
import { matchTerm } from '../../../server/search/match-term.ts';
import { hostileText, runs, SMALL_INPUT_MS, timed } from './hostile-arbitraries.ts';

/** A text, and a query made of its own words (some cut short, some quoted in pairs) and hostile pieces. */
const textAndQuery = hostileText(150).chain((text) => {
  const words = findWords(text).map(({ word }) => word);
  const fromText = words.length === 0 ? fc.constant('') : fc.constantFrom(...words);
  const queryPart = fc.oneof(
    fromText,
    fromText.map((word) => `${[...word].slice(0, 3).join('')}*`),
    fc.tuple(fromText, fromText).map(([a, b]) => `"${a} ${b}"`),
    fromText.map((word) => `-${word}`),
    hostileText(2),
  );
  return fc.tuple(fc.constant(text), fc.array(queryPart, { maxLength: 6 }).map((parts) => parts.join(' ')));
});

/** Whether the word at `index` of the text is one a query node matches: by its term, or inside the whole phrase. */
function nodeMatches(node: MatchNode, terms: readonly string[], index: number): boolean {
  if (node.kind === 'term') return matchTerm(node, terms[index]!) !== undefined;
  return findPhraseStarts(terms, node.terms).some((start) => index >= start && index < start + node.terms.length);
}

function expectHighlightsOnMatchedWords(text: string, nodes: readonly MatchNode[], highlights: readonly WordHighlight[]): void {
  const words = findWords(text);
  const terms = analyzeText(text);
  let previous = -1;
  for (const highlight of highlights) {
    expect(highlight.index).toBeGreaterThan(previous);
    previous = highlight.index;
    expect(highlight.start).toBeGreaterThanOrEqual(0);
    expect(highlight.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(highlight.start, highlight.end)).toBe(highlight.word);
    expect(words[highlight.index]).toEqual({ word: highlight.word, start: highlight.start, end: highlight.end });
    expect(nodes.some((node) => termLabel(node) === highlight.term && nodeMatches(node, terms, highlight.index))).toBe(true);
  }
}

/**
 * The text a snippet shows, without the ellipses that mark a cut, is one stretch of the text, and each
 * mark is a highlight at its place. (A text may hold ellipses of its own: both readings are tried.)
 */
function expectSnippetInsideText(text: string, highlights: readonly WordHighlight[], segments: readonly SnippetSegment[], windowWords: number): void {
  const shown = segments.map((segment) => segment.text).join('');
  const readings = [1, 0].flatMap((before) => [1, 0].map((after) => ({ before, after })));
  const reading = readings
    .filter(({ before, after }) => (before === 0 || shown.startsWith('…')) && (after === 0 || shown.endsWith('…')) && shown.length >= before + after)
    .map(({ before, after }) => ({ before, core: shown.slice(before, shown.length - after) }))
    .find(({ core }) => text.includes(core));
  expect(reading).toBeDefined();
  expect(segments.filter((segment) => segment.highlight).length).toBeLessThanOrEqual(windowWords);
  const { before, core } = reading!;
  const from = text.indexOf(core);
  // Where the shown stretch occurs once in the text, every mark must sit exactly on a highlighted word.
  if (text.indexOf(core, from + 1) !== -1) return;
  let offset = from - before;
  for (const segment of segments) {
    if (segment.highlight) {
      const highlight = highlights.find((candidate) => candidate.start === offset);
      expect(highlight).toBeDefined();
      expect(segment.text).toBe(highlight!.word);
      expect(segment.term).toBe(highlight!.term);
    }
    offset += segment.text.length;
  }
}

describe('the highlighter and the snippet builder, on hostile text and queries', () => {
  it('highlights only words the query matches, at their offsets in the text', () => {
    fc.assert(
      fc.property(textAndQuery, fc.boolean(), ([text, query], typing) => {
        const nodes = matchNodes(parseQuery(query, { typing }));
        const { value: highlights, ms } = timed(() => findHighlights(text, nodes));
        expect(ms).toBeLessThan(SMALL_INPUT_MS);
        expectHighlightsOnMatchedWords(text, nodes, highlights);
      }),
      runs(400),
    );
  });

  it('builds snippets that are a stretch of the text, with marks on the highlighted words only', () => {
    fc.assert(
      fc.property(textAndQuery, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 10 }), ([text, query], windowWords, leadWords) => {
        const highlights = findHighlights(text, matchNodes(parseQuery(query)));
        const { value: segments, ms } = timed(() => buildSnippet(text, highlights, { windowWords, leadWords }));
        expect(ms).toBeLessThan(SMALL_INPUT_MS);
        expectSnippetInsideText(text, highlights, segments, windowWords);
      }),
      runs(400),
    );
  });

  it('builds a snippet of a megabyte passage in bounded time', () => {
    const text = 'campaign treaty harvest tariff '.repeat(35_000);
    const nodes = matchNodes(parseQuery('tariff harvest* "treaty harvest" campain'));
    const { value: segments, ms } = timed(() => buildSnippet(text, findHighlights(text, nodes)));
    expect(ms).toBeLessThan(5000);
    expect(segments.filter((segment) => segment.highlight).length).toBeGreaterThan(0);
    expect(normalizeTerm(segments.find((segment) => segment.highlight)!.text)).toMatch(/^(tariff|harvest|treaty|campaign)$/);
  });
});
