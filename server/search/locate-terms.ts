import type { LoadedIndex } from '../index/loaded-index.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import { termLabel } from '../query/describe-query.ts';
import type { MatchNode } from '../query/query-tree.ts';
import type { PlacedTerm } from './measure-proximity.ts';
import { findTextPostings, passagePositions, walkPhraseStarts } from './read-postings.ts';
import { exactExpansion, lookUpTerm } from './term-lookup.ts';

/**
 * Where each query term stands in a passage, read from the word positions in the index instead of
 * analyzing the passage text: what proximity needs, at a fraction of the cost. A phrase counts where
 * all its words stand in order; a word claimed by a phrase, or by an earlier term, is not counted again.
 */
export function createTermLocator(index: LoadedIndex, facts: IndexFacts, nodes: readonly MatchNode[]): (passage: number) => PlacedTerm[] {
  const phrases = nodes.filter((node) => node.kind === 'phrase');
  const ordered = [...phrases, ...nodes.filter((node) => node.kind === 'term')];
  const prepared = ordered.map((node) =>
    node.kind === 'term'
      ? { node, label: termLabel(node), expansions: [lookUpTerm(index, facts, node)] }
      : { node, label: termLabel(node), expansions: node.terms.map((term) => exactExpansion(index, term)) },
  );
  return (passage) => {
    const claimed = new Map<number, string>();
    for (const { node, label, expansions } of prepared) {
      if (node.kind === 'term') {
        for (const position of passagePositions(index, expansions[0]!, passage)) if (!claimed.has(position)) claimed.set(position, label);
        continue;
      }
      // A phrase's words are exact (one term each); a word the index lacks leaves the phrase nowhere.
      const termIds = expansions.map((group) => group[0]?.termId);
      if (termIds.length === 0 || termIds.some((termId) => termId === undefined)) continue;
      const postings = findTextPostings(index, termIds as number[], passage);
      if (postings === undefined) continue;
      walkPhraseStarts(index, postings, (start) => {
        for (let offset = 0; offset < postings.length; offset += 1) if (!claimed.has(start + offset)) claimed.set(start + offset, label);
      });
    }
    return [...claimed].sort(([a], [b]) => a - b).map(([at, term]) => ({ index: at, term }));
  };
}
