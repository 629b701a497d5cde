import type { LoadedIndex } from '../index/loaded-index.ts';
import { widenQuery, type WidenedQuery } from '../query/widen-query.ts';
import type { QueryTree } from '../query/query-tree.ts';
import { defaultSynonyms } from '../query/synonyms.ts';
import { findNumberedForms, findStemVariants } from './stem-groups.ts';
import { archiveHolds, limitTyposToUnknownWords } from './typos-for-unknown.ts';

/** Query words whose other forms are kept per index: a user types the same words keystroke after keystroke. Default 4096. */
const REMEMBERED_TERMS = 4096;
const remembered = new WeakMap<LoadedIndex, Map<string, string[]>>();

/** The index's other forms of a term (stems, `covid19` for `covid`), remembered: a short prefix has thousands of index terms to read. */
function indexForms(index: LoadedIndex, term: string): string[] {
  let byTerm = remembered.get(index);
  if (!byTerm) remembered.set(index, (byTerm = new Map()));
  let forms = byTerm.get(term);
  if (!forms) {
    forms = [...findStemVariants(index, term), ...findNumberedForms(index, term)];
    if (byTerm.size >= REMEMBERED_TERMS) byTerm.delete(byTerm.keys().next().value!);
    byTerm.set(term, forms);
  }
  return forms;
}

/**
 * A parsed query widened with the index's other forms of each word (stems, `covid19` for `covid`) and
 * the server's synonyms, with typo tolerance kept only for the words the archive does not hold.
 */
export function widenForIndex(index: LoadedIndex, tree: QueryTree): WidenedQuery {
  const widened = widenQuery(tree, { stemVariants: (term) => indexForms(index, term), synonyms: defaultSynonyms() });
  return { ...widened, tree: limitTyposToUnknownWords(widened.tree, (node) => archiveHolds(index, node)) };
}
