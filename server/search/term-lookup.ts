import type { LoadedIndex } from '../index/loaded-index.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import type { TermNode } from '../query/query-tree.ts';
import { countTermPostings } from '../../indexer/index/term-index.ts';

export interface ExpansionOptions {
  /** The typed word expands to at most this many of its completions, the most frequent first. Default 50. */
  prefixLimit: number;
  /** Weight of a near-spelling match before its edit distance. Default 0.3. */
  fuzzyWeight: number;
  /** Weight of a completion before the letters it adds. Default 0.4. */
  prefixWeight: number;
  /** Weight of another form of the word (same stem: `negotiate` for `negotiations`). Default 0.5, tuned on the evaluation set (tests/tools/eval) (0.3 to 0.55 score alike; 0.85 loses). */
  variantWeight: number;
}

export const DEFAULT_EXPANSION_OPTIONS: ExpansionOptions = { prefixLimit: 50, fuzzyWeight: 0.3, prefixWeight: 0.4, variantWeight: 0.5 };

/** An index term a query term matches, and how much a match on it counts. */
export interface Expansion {
  termId: number;
  weight: number;
  /** The very word, not a completion or near spelling. */
  exact: boolean;
}

const CACHE_SIZE = 4096;

interface TermTable {
  ids: Map<string, number>;
  /** Words a user types again and again while a query grows: expansions are kept, least recently used out first. */
  cache: Map<string, Expansion[]>;
}

const tables = new WeakMap<LoadedIndex, TermTable>();

function tableOf(index: LoadedIndex): TermTable {
  let table = tables.get(index);
  if (!table) {
    table = { ids: new Map(index.terms.terms.map((term, id) => [term, id])), cache: new Map() };
    tables.set(index, table);
  }
  return table;
}

/** The id of an index term, if the index has it. */
export function findTermId(index: LoadedIndex, term: string): number | undefined {
  return tableOf(index).ids.get(term);
}

/** The index term itself, as an expansion list: empty when the index does not have it. */
export function exactExpansion(index: LoadedIndex, term: string): Expansion[] {
  const termId = findTermId(index, term);
  return termId === undefined ? [] : [{ termId, weight: 1, exact: true }];
}

/** Passages (text or title) holding a term: its document frequency. */
export function passagesWithTerm(index: LoadedIndex, termId: number): number {
  return countTermPostings(index.terms, termId);
}

/**
 * The index terms a query term stands for: the word itself; for the word being typed, its most
 * frequent completions (not all of them: two typed letters complete to thousands of words); and its
 * near spellings within the word's typo budget. Expansions are cached, so a word costs one fuzzy walk
 * over the vocabulary however often it is typed again.
 */
export function lookUpTerm(index: LoadedIndex, facts: IndexFacts, node: Pick<TermNode, 'term' | 'prefix' | 'typos' | 'variants'>, options: ExpansionOptions = DEFAULT_EXPANSION_OPTIONS): Expansion[] {
  const table = tableOf(index);
  // The options are part of the key: expansions carry weights, and callers may pass other weights.
  const key = `${options.prefixLimit},${options.fuzzyWeight},${options.prefixWeight},${options.variantWeight} ${node.prefix ? 1 : 0}${node.typos}${node.term} ${node.variants?.join(' ') ?? ''}`;
  const cached = table.cache.get(key);
  if (cached) {
    table.cache.delete(key);
    table.cache.set(key, cached);
    return cached;
  }
  const expansions: Expansion[] = [];
  const exactId = table.ids.get(node.term);
  if (exactId !== undefined) expansions.push({ termId: exactId, weight: 1, exact: true });
  const seen = new Set(expansions.map((expansion) => expansion.termId));
  const add = (expansion: Expansion) => {
    if (seen.has(expansion.termId)) return;
    seen.add(expansion.termId);
    expansions.push(expansion);
  };
  for (const variant of node.variants ?? []) {
    const termId = table.ids.get(variant);
    if (termId !== undefined) add({ termId, weight: options.variantWeight, exact: false });
  }
  if (node.prefix) completions(index, node.term, options).forEach(add);
  if (node.typos > 0) {
    const fuzzyWeight = (distance: number) => (options.fuzzyWeight * node.term.length) / (node.term.length + distance);
    for (const [term, [, distance]] of facts.vocabulary.fuzzyGet(node.term, node.typos)) {
      const termId = table.ids.get(term);
      if (termId !== undefined && distance > 0) add({ termId, weight: fuzzyWeight(distance), exact: false });
    }
    // Two letters typed the wrong way round are one slip, though two edits apart (`wmoen`, `recieve`).
    for (const term of swapNeighbours(node.term)) {
      const termId = table.ids.get(term);
      if (termId !== undefined) add({ termId, weight: fuzzyWeight(1), exact: false });
    }
  }
  table.cache.set(key, expansions);
  if (table.cache.size > CACHE_SIZE) table.cache.delete(table.cache.keys().next().value!);
  return expansions;
}

/** The word with each pair of neighbouring letters swapped. */
export function swapNeighbours(word: string): string[] {
  const swapped: string[] = [];
  for (let at = 0; at + 1 < word.length; at += 1) {
    if (word[at] !== word[at + 1]) swapped.push(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2));
  }
  return swapped;
}

/** The ids of the index terms starting with `prefix` (itself included), in order: sorted terms make them one range. */
export function* termsStartingWith(index: LoadedIndex, prefix: string): Generator<number> {
  const { terms } = index.terms;
  for (let id = firstAtOrAfter(terms, prefix); id < terms.length && terms[id]!.startsWith(prefix); id += 1) yield id;
}

/** Where `value` is or would be in `sorted` (code-unit order): the first place holding it or something after it. */
export function firstAtOrAfter(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Terms that start with `prefix` (not `prefix` itself), the `prefixLimit` most frequent. */
function completions(index: LoadedIndex, prefix: string, options: ExpansionOptions): Expansion[] {
  const { terms } = index.terms;
  const found: { termId: number; passages: number }[] = [];
  for (const id of termsStartingWith(index, prefix)) {
    if (terms[id] !== prefix) found.push({ termId: id, passages: passagesWithTerm(index, id) });
  }
  found.sort((a, b) => b.passages - a.passages || a.termId - b.termId);
  return found.slice(0, options.prefixLimit).map(({ termId }) => {
    const added = terms[termId]!.length - prefix.length;
    return { termId, weight: (options.prefixWeight * prefix.length) / (prefix.length + 0.3 * added), exact: false };
  });
}
