import MiniSearch, { type Query, type QueryCombination } from 'minisearch';
import type { AnyNode, MatchNode, NotNode } from '../query/query-tree.ts';

/**
 * The query tree as a MiniSearch expression. Each term carries its own prefix and typo settings;
 * a phrase asks for all its words (the text check that they stand together comes after). Excluded
 * words become AND_NOT; excluded phrases are not here, since passages that merely hold their words
 * must stay. With no positive clause, every passage is a candidate (a filter- or exclusion-only query).
 */
export function toMiniSearchQuery(positive: readonly (MatchNode | AnyNode)[], excluded: readonly NotNode[], combineWith: 'AND' | 'OR'): Query {
  // MiniSearch declares the wildcard as a unique symbol that its own `Query` type does not narrow to.
  const included = (positive.length === 0 ? MiniSearch.wildcard : { combineWith, queries: positive.map(toClauseQuery) }) as Query;
  const excludedTerms = excluded.flatMap<QueryCombination>(({ child }) => (child.kind === 'term' ? [toMatchQuery(child)] : []));
  return excludedTerms.length === 0 ? included : { combineWith: 'AND_NOT', queries: [included, ...excludedTerms] };
}

function toClauseQuery(clause: MatchNode | AnyNode): QueryCombination {
  return clause.kind === 'any' ? { combineWith: 'OR', queries: clause.children.map(toMatchQuery) } : toMatchQuery(clause);
}

function toMatchQuery(node: MatchNode): QueryCombination {
  if (node.kind === 'phrase') return { combineWith: 'AND', queries: [node.terms.join(' ')], prefix: false, fuzzy: false };
  return { combineWith: 'OR', queries: [node.term], prefix: node.prefix, fuzzy: node.typos > 0 ? node.typos : false };
}
