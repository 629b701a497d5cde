import type { LoadedIndex } from '../index/loaded-index.ts';
import type { ClauseNode, MatchNode, QueryTree, TermNode } from '../query/query-tree.ts';
import { findTermId, termsStartingWith } from './term-lookup.ts';

/**
 * Typo tolerance only for words the archive does not hold (Algolia's `typoTolerance: "min"`,
 * Typesense's `typo_tokens_threshold: 1`): a word the index holds as written, in another form (same
 * stem) or, for the word being typed, as the start of a word, is matched as that word, its forms and
 * completions, never also as its near spellings. `coalition` is not `condition`, `dames` not `names`.
 *
 * Why no frequency threshold ("held so rarely that a neighbour is far more likely meant"): on the
 * State of the Union archive, of the 15 words held in one passage whose nearest spelling is in over
 * 1,000 times as many (`stave`/`state`, `attrition`/`attention`, `generalto`/`general`), 11 are real
 * words a reader would mean; at lower ratios real words are more still (docs/search.md, "Typos").
 */
export function limitTyposToUnknownWords(tree: QueryTree, holds: (node: TermNode) => boolean): QueryTree {
  let changed = false;
  const settle = <T extends MatchNode>(node: T): T => {
    if (node.kind !== 'term' || node.typos === 0 || !holds(node)) return node;
    changed = true;
    return { ...node, typos: 0 };
  };
  const clauses = tree.clauses.map((clause): ClauseNode => {
    if (clause.kind === 'any') return { ...clause, children: clause.children.map(settle) };
    if (clause.kind === 'not') return { ...clause, child: settle(clause.child) };
    return settle(clause);
  });
  return changed ? { ...tree, clauses } : tree;
}

/** Whether the index holds the word as written, in another form, or (a prefix) as the start of a word: `holds` for the term index. */
export function archiveHolds(index: LoadedIndex, node: Pick<TermNode, 'term' | 'prefix' | 'variants'>): boolean {
  if (findTermId(index, node.term) !== undefined || (node.variants?.length ?? 0) > 0) return true;
  if (!node.prefix) return false;
  for (const _ of termsStartingWith(index, node.term)) return true;
  return false;
}
