import { describe, expect, it } from 'vitest';
import { getIndexFacts } from '../../server/index/index-facts.ts';
import { DEFAULT_EXPANSION_OPTIONS, lookUpTerm } from '../../server/search/term-lookup.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';

const index = buildMemoryIndex([{ path: 'a.txt', title: 'T', source: 's', passages: [{ text: 'The coalition and the coalitions met.' }] }]);
const facts = getIndexFacts(index);
const node = { term: 'coalition', prefix: false, typos: 1 };
const weightOf = (term: string, fuzzyWeight: number) =>
  lookUpTerm(index, facts, node, { ...DEFAULT_EXPANSION_OPTIONS, fuzzyWeight }).find((expansion) => index.terms.terms[expansion.termId] === term)?.weight;

describe('lookUpTerm: the index terms a query term stands for', () => {
  it('weighs near spellings by the weight asked for, even after the same word was expanded with another', () => {
    expect(weightOf('coalitions', 0.3)).toBeCloseTo((0.3 * 9) / 10);
    expect(weightOf('coalitions', 0.6)).toBeCloseTo((0.6 * 9) / 10);
    expect(weightOf('coalition', 0.6)).toBe(1);
  });
});
