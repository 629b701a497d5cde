import type { TermNode } from '../../query/query-tree.ts';
import type { TermMatch } from '../../search/match-term.ts';
import { DEFAULT_EXPANSION_OPTIONS, swapNeighbours, type ExpansionOptions } from '../../search/term-lookup.ts';
import { vocabularyTermsStartingWith, type ArchiveVocabulary } from './opensearch-vocabulary.ts';

/** An archive term a query term stands for, with its weight and how it matches (for highlights). */
export interface VocabularyExpansion {
  term: string;
  weight: number;
  match: TermMatch;
}

/**
 * `lookUpTerm` over the archive's vocabulary: the word itself, its other forms, the most frequent
 * completions of a typed word, and near spellings within its typo budget, with the same weights. The
 * OpenSearch engine sends these very terms, so a query matches the same passages as on the term
 * index (tests/opensearch hold the two to the same totals).
 */
export function lookUpVocabularyTerm(vocabulary: ArchiveVocabulary, node: Pick<TermNode, 'term' | 'prefix' | 'typos' | 'variants'>, options: ExpansionOptions = DEFAULT_EXPANSION_OPTIONS): VocabularyExpansion[] {
  const found = new Map<string, VocabularyExpansion>();
  const matchOf = (term: string): TermMatch => (term === node.term ? 'exact' : node.prefix && term.startsWith(node.term) ? 'prefix' : 'fuzzy');
  const add = (term: string, weight: number) => {
    if (!found.has(term) && vocabulary.passagesOf.has(term)) found.set(term, { term, weight, match: matchOf(term) });
  };
  add(node.term, 1);
  for (const variant of node.variants ?? []) add(variant, options.variantWeight);
  if (node.prefix) {
    const completions = [...vocabularyTermsStartingWith(vocabulary, node.term)]
      .filter((term) => term !== node.term)
      .map((term) => ({ term, passages: vocabulary.passagesOf.get(term)! }))
      // The term index breaks ties by term id, which is the sorted order: the same order here.
      .sort((a, b) => b.passages - a.passages || (a.term < b.term ? -1 : 1))
      .slice(0, options.prefixLimit);
    for (const { term } of completions) add(term, (options.prefixWeight * node.term.length) / (node.term.length + 0.3 * (term.length - node.term.length)));
  }
  if (node.typos > 0) {
    const fuzzyWeight = (distance: number) => (options.fuzzyWeight * node.term.length) / (node.term.length + distance);
    for (const [term, [, distance]] of vocabulary.tree.fuzzyGet(node.term, node.typos)) if (distance > 0) add(term, fuzzyWeight(distance));
    for (const term of swapNeighbours(node.term)) add(term, fuzzyWeight(1));
  }
  return [...found.values()];
}
