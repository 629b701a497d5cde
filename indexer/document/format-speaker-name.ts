import { titleCaseWord } from './title-case-word.ts';

/** Words that stay in capitals when a speaker label is shown in title case. */
const KEEP_UPPER = /^(?:[A-Z]\.)+$|^(?:US|UK|EU|UN|NATO|II|III|IV)$/;
const LOWER_INSIDE = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'van', 'der', 'den', 'von', 'la', 'le']);

/**
 * The label of a speaker's turn as a reader would write it: "FOREIGN MINISTER WILMES" ->
 * "Foreign Minister Wilmes", "MR. O'BRIEN" -> "Mr. O'Brien", "U.S. TRADE REPRESENTATIVE" keeps
 * "U.S.". The label as written stays in `speaker`; this is only for display.
 */
export function formatSpeakerName(label: string): string {
  return label
    .split(/(\s+)/)
    .map((word, index) => {
      if (/^\s+$/.test(word) || KEEP_UPPER.test(word)) return word;
      const lower = word.toLowerCase();
      if (index > 0 && LOWER_INSIDE.has(lower)) return lower;
      return titleCaseWord(word);
    })
    .join('');
}
