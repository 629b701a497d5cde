/**
 * Turns a word into the term stored in the index and looked up at query time.
 * Lower-cases, folds accents (Wilmès, WILMES and wilmes are one term), drops a possessive 's and
 * any remaining apostrophes ("Coalition's" -> "coalition", "don't" -> "dont") and the thousands
 * separators of a number ("18,000" -> "18000"; a last group of other than three digits is decimals:
 * "1,2" and "1.2" -> "1.2"). An abbreviation keeps its dots and always ends with one ("U.S." and
 * "U.S" -> "u.s."), so it never meets a word ("us"); so do the initialisms in CAPITAL_INITIALISMS
 * written in capitals ("US" -> "u.s."; "us" stays the pronoun).
 */
const COMBINING_MARKS = /\p{M}+/gu;
const POSSESSIVE = /['’ʼ]s$/;
const APOSTROPHES = /['’ʼ]/g;

/** Characters that NFD does not decompose but readers treat as accented or joined letters. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};
const SPECIAL_LETTER_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** Letters with dots between them, maybe without the last: what `findWords` reads as an abbreviation. */
const ABBREVIATION = /^\p{L}(?:\.\p{L})+\.?$/u;
const DOTS = /\./g;

/**
 * Initialisms that, written without dots, are also a common word in lower case: written in capitals
 * they are the abbreviation (`US` troops, the `UK`, the `UN`), in lower case the word (`us`, French `un`).
 */
export const CAPITAL_INITIALISMS: ReadonlyMap<string, string> = new Map([
  ['US', 'u.s.'],
  ['UK', 'u.k.'],
  ['UN', 'u.n.'],
]);
const NUMBER_GROUPS = /^\p{N}+(?:[.,\u00A0\u202F\u2009]\p{N}+)+$/u;
const SEPARATOR = /[.,\u00A0\u202F\u2009]/;

export function normalizeTerm(word: string): string {
  if (NUMBER_GROUPS.test(word)) return normalizeNumber(word);
  // A Map, not an object: a word such as `constructor` must not find Object's own properties.
  const initialism = CAPITAL_INITIALISMS.get(word.replace(POSSESSIVE, ''));
  if (initialism !== undefined) return initialism;
  const folded = word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHES, '');
  if (!folded.includes('.')) return folded;
  return ABBREVIATION.test(folded) ? (folded.endsWith('.') ? folded : `${folded}.`) : folded.replace(DOTS, '');
}

function normalizeNumber(word: string): string {
  const groups = word.split(SEPARATOR);
  const last = groups[groups.length - 1]!;
  if (last.length === 3) return groups.join('');
  return `${groups.slice(0, -1).join('')}.${last}`;
}
