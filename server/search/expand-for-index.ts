import type { LoadedIndex } from '../index/load-index.ts';
import { expandQuery, type ExpandedQuery } from '../query/expand-query.ts';
import type { QueryTree } from '../query/query-tree.ts';
import { defaultSynonyms } from '../query/synonyms.ts';
import { findNumberedForms, findStemVariants } from './stem-groups.ts';

/** A parsed query widened with the index's other forms of each word (stems, `covid19` for `covid`) and the server's synonyms. */
export function expandForIndex(index: LoadedIndex, tree: QueryTree): ExpandedQuery {
  return expandQuery(tree, { stemVariants: (term) => [...findStemVariants(index, term), ...findNumberedForms(index, term)], synonyms: defaultSynonyms() });
}
