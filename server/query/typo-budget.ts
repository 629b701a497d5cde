export interface TypoOptions {
  /** Words this long tolerate one typo. Default 5: in a shorter word, one typo is another word. */
  oneTypoFrom: number;
  /** Words this long tolerate two typos. Default 9. */
  twoTyposFrom: number;
}

export const DEFAULT_TYPO_OPTIONS: TypoOptions = { oneTypoFrom: 5, twoTyposFrom: 9 };

const DIGIT = /\p{N}/u;

/** The edit distance a searched term tolerates, scaled by its length; numbers are never fuzzy (1989 is not 1988). */
export function typoBudget(term: string, options: TypoOptions = DEFAULT_TYPO_OPTIONS): number {
  if (DIGIT.test(term)) return 0;
  const length = [...term].length;
  if (length >= options.twoTyposFrom) return 2;
  if (length >= options.oneTypoFrom) return 1;
  return 0;
}
