import { matchNodes, type QueryTree, type TermNode } from '../query/query-tree.ts';
import type { Vocabulary } from './build-vocabulary.ts';

export interface CorrectionOptions {
  /** Edits tried for a word not in the corpus, by word length: up to 4 letters 1, up to 7 letters 2, then 3. */
  maxEdits: (length: number) => number;
}

export const DEFAULT_CORRECTION_OPTIONS: CorrectionOptions = { maxEdits: (length) => (length <= 4 ? 1 : length <= 7 ? 2 : 3) };

/**
 * Did-you-mean: the query with each word that is not in the corpus replaced by the closest word that
 * is (fewest edits, then the most passages). Undefined when every word is known or nothing is close.
 * The word being typed counts as known while some corpus word starts with it.
 */
export function suggestCorrection(query: string, tree: QueryTree, vocabulary: Vocabulary, options: Partial<CorrectionOptions> = {}): string | undefined {
  const { maxEdits } = { ...DEFAULT_CORRECTION_OPTIONS, ...options };
  let corrected = query;
  let changed = false;
  for (const node of matchNodes(tree)) {
    if (node.kind !== 'term' || isKnown(node, vocabulary)) continue;
    const replacement = rememberedClosestTerm(node.term, vocabulary, maxEdits([...node.term].length));
    if (replacement === undefined) continue;
    const written = node.text.replace(/\*+$/, '');
    const shown = written === written.toLowerCase() ? replacement.toLowerCase() : replacement;
    const next = replaceWord(corrected, written, shown);
    if (next !== corrected) [corrected, changed] = [next, true];
  }
  return changed ? corrected : undefined;
}

function isKnown(node: TermNode, vocabulary: Vocabulary): boolean {
  if (vocabulary.has(node.term)) return true;
  if (!node.prefix) return false;
  for (const _ of vocabulary.atPrefix(node.term).keys()) return true;
  return false;
}

/** Words a user types again and again while a query grows: their corrections are kept per vocabulary, at most this many. */
const MAX_REMEMBERED = 4096;
const corrections = new WeakMap<Vocabulary, Map<string, string | undefined>>();

/** `closestTerm`, remembered: a near-spelling walk of the vocabulary costs far more than the rest of a suggestion. */
function rememberedClosestTerm(term: string, vocabulary: Vocabulary, edits: number): string | undefined {
  let remembered = corrections.get(vocabulary);
  if (!remembered) corrections.set(vocabulary, (remembered = new Map()));
  const key = `${edits} ${term}`;
  if (remembered.has(key)) return remembered.get(key);
  const found = closestTerm(term, vocabulary, edits);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, found);
  return found;
}

/**
 * The corpus's usual spelling of the nearest term. Distances are tried one at a time: most typos are
 * one edit away, and a walk of the vocabulary within one edit costs a fraction of one within three.
 */
function closestTerm(term: string, vocabulary: Vocabulary, edits: number): string | undefined {
  for (let distance = 1; distance <= edits; distance += 1) {
    let best: { distance: number; passages: number; form: string } | undefined;
    for (const [, [entry, found]] of vocabulary.fuzzyGet(term, distance)) {
      if (!best || found < best.distance || (found === best.distance && entry.passages > best.passages)) best = { distance: found, passages: entry.passages, form: entry.form };
    }
    if (best) return best.form;
  }
  return undefined;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point ending at `end` (exclusive) in `text` is a letter or digit. */
function letterOrDigitBefore(text: string, end: number): boolean {
  if (end <= 0) return false;
  const last = text.charCodeAt(end - 1);
  const high = end >= 2 ? text.charCodeAt(end - 2) : 0;
  const start = last >= 0xdc00 && last <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? end - 2 : end - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Replaces the first standalone occurrence of a word, leaving the rest of the query as typed. */
function replaceWord(query: string, word: string, replacement: string): string {
  if (word === '') return query;
  // indexOf and a look at each side, not a regular expression compiled for every suggestion.
  for (let at = query.indexOf(word); at !== -1; at = query.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (letterOrDigitBefore(query, at)) continue;
    if (end < query.length && LETTER_OR_DIGIT.test(String.fromCodePoint(query.codePointAt(end)!))) continue;
    return query.slice(0, at) + replacement + query.slice(end);
  }
  return query;
}
