import type { AnyNode, MatchNode, QueryTree, TermNode } from '../../query/query-tree.ts';
import { lookUpVocabularyTerm, type VocabularyExpansion } from './look-up-vocabulary-term.ts';
import type { ArchiveVocabulary } from './opensearch-vocabulary.ts';

/** An OpenSearch query clause (query DSL, as JSON). */
export type QueryDsl = Record<string, unknown>;

export const MATCH_NONE: QueryDsl = { match_none: {} };

/** The archive terms each query word of a search stands for, by node: for the search and to label highlights. */
export type TermExpansions = Map<TermNode, VocabularyExpansion[]>;

/**
 * A word of the query as OpenSearch runs it: any of the archive terms it stands for (the same terms
 * the term index would read, with its weights as boosts) in the passage text, or in the document's
 * title for its first passage (the term index indexes the title with the first passage).
 */
function termQuery(expansions: readonly VocabularyExpansion[]): QueryDsl {
  if (expansions.length === 0) return MATCH_NONE;
  const inText = expansions.map(({ term, weight }) => ({ term: { text: { value: term, boost: weight } } }));
  const inTitle = expansions.map(({ term, weight }) => ({ term: { title: { value: term, boost: weight } } }));
  return {
    bool: {
      should: [...inText, { bool: { filter: [{ term: { ordinal: 0 } }], should: inTitle, minimum_should_match: 1 } }],
      minimum_should_match: 1,
    },
  };
}

/** Words side by side in the passage text, each the very word (as the term index checks phrases). */
function phraseQuery(terms: readonly string[], vocabulary: ArchiveVocabulary): QueryDsl {
  if (terms.some((term) => !vocabulary.passagesOf.has(term))) return MATCH_NONE;
  return { match_phrase: { text: { query: terms.join(' '), analyzer: 'whitespace' } } };
}

export function matchNodeQuery(node: MatchNode, vocabulary: ArchiveVocabulary, expansions: TermExpansions): QueryDsl {
  if (node.kind === 'phrase') return phraseQuery(node.terms, vocabulary);
  let found = expansions.get(node);
  if (!found) expansions.set(node, (found = lookUpVocabularyTerm(vocabulary, node)));
  return termQuery(found);
}

export function clauseQuery(clause: MatchNode | AnyNode, vocabulary: ArchiveVocabulary, expansions: TermExpansions): QueryDsl {
  if (clause.kind !== 'any') return matchNodeQuery(clause, vocabulary, expansions);
  return { bool: { should: clause.children.map((child) => matchNodeQuery(child, vocabulary, expansions)), minimum_should_match: 1 } };
}

/** Excluded words and phrases, each with its own prefix and typo settings, as the term index reads them. */
export function excludedQueries(tree: QueryTree, vocabulary: ArchiveVocabulary, expansions: TermExpansions): QueryDsl[] {
  return tree.clauses.flatMap((clause) => (clause.kind === 'not' ? [matchNodeQuery(clause.child, vocabulary, expansions)] : []));
}
