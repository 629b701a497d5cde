/**
 * Generated queries dropped after reading each one beside its passage, with the reason. Dropping a
 * known-item query drops the queries made from it too (misspelled, half typed, inflected, extra word).
 *
 * Reviewed: every known-item, two-word and inflection query, and every misspelled, half-typed and
 * extra-word query's change. Most drops are word sets that are true of the passage but that nobody
 * would remember it by (`mean scope`, `otherwise unusual`), and inflections that change the meaning
 * rather than the form (`security` -> `securities`).
 */
const VAGUE = 'vague: words of the passage, but not what a reader would remember it by';
const OTHER_WORD = 'the inflection is another word, not another form of the same word';

export const DROPPED: Record<string, string> = {
  'ki-010': VAGUE,
  'ki-011': VAGUE,
  'ki-014': VAGUE,
  'ki-016': VAGUE,
  'ki-019': VAGUE,
  'ki-022': VAGUE,
  'ki-026': VAGUE,
  'ki-032': VAGUE,
  'ki-033': VAGUE,
  'ki-036': VAGUE,
  'ki-053': VAGUE,
  'infl-002': OTHER_WORD,
  'infl-018': OTHER_WORD,
  'infl-031': OTHER_WORD,
  'infl-041': OTHER_WORD,
  'infl-045': OTHER_WORD,
  'infl-048': OTHER_WORD,
  'infl-054': OTHER_WORD,
  ...Object.fromEntries(
    ['000', '001', '003', '004', '005', '012', '013', '015', '016', '018', '019', '023', '024', '027', '030', '031', '032', '037', '039', '040', '043', '044', '045', '048', '050', '051', '052', '054', '056', '059', '060', '063'].map((n) => [`two-${n}`, VAGUE]),
  ),
};
