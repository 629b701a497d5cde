import { normalizeTerm } from '../../indexer/analyzer/index.ts';

/** Distinct words remembered; past this the memory starts afresh. Default 200,000 (a few MB). */
const MAX_REMEMBERED = 200_000;
const remembered = new Map<string, string>();

/**
 * The analyzer's term for a word as written, remembered: highlighting and proximity analyze the same
 * few thousand words over and over, and normalization (Unicode decomposition) is the costly part.
 */
export function normalizeTermCached(word: string): string {
  let term = remembered.get(word);
  if (term === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    term = normalizeTerm(word);
    remembered.set(word, term);
  }
  return term;
}
