export interface TitleCaseOptions {
  /** Also read `mac` + two letters as a prefix (`MacArthur`). Default false: `Machado`, `Mackay` are names too, and a folder of person names is the only place the guess is worth it. */
  macPrefix: boolean;
}

export const DEFAULT_TITLE_CASE_OPTIONS: TitleCaseOptions = { macPrefix: false };

const MC_PREFIX = /^(mc)(\p{L})(?=\p{L})/u;
const MAC_PREFIX = /^(mac)(\p{L})(?=\p{L})/u;

/**
 * One word of a name as a person writes it: `WILMES` and `wilmes` -> `Wilmes`, `O'BRIEN` ->
 * `O'Brien`, `jean-luc` -> `Jean-Luc`, `MCKINLEY` -> `McKinley`. The one title-caser of Passim: speaker
 * labels (format-speaker-name.ts) and person names read from folder names (infer-author.ts) use it.
 */
export function titleCaseWord(word: string, options: Partial<TitleCaseOptions> = {}): string {
  const { macPrefix } = { ...DEFAULT_TITLE_CASE_OPTIONS, ...options };
  const lower = word.toLowerCase();
  const prefix = (macPrefix ? MAC_PREFIX.exec(lower) : null) ?? MC_PREFIX.exec(lower);
  const cased = lower.replace(/(^|[-'’])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
  if (!prefix) return cased;
  const [, head, letter] = prefix;
  return head!.charAt(0).toUpperCase() + head!.slice(1) + letter!.toUpperCase() + cased.slice(head!.length + 1);
}
