/**
 * Turns a word into the term stored in the index and looked up at query time.
 * Lower-cases, folds accents (Wilmès, WILMES and wilmes are one term), drops a possessive 's and
 * any remaining apostrophes ("Coalition's" -> "coalition", "don't" -> "dont").
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

export function normalizeTerm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHES, '');
}
