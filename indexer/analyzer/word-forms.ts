import { stemTerm } from './stem-term.ts';

/**
 * Which words with one English stem are forms of one word. Porter's stemmer cuts words to the same
 * stem when they only share a beginning: `general` and `generous` (gener), `internal` and
 * `international` (intern), `organic` and `organization` (organ), `us` and `use` (us). A query must
 * match its word and the word's forms (`policies` for `policy`, `negotiated` for `negotiate`, also
 * `negotiation` and `nationally`), never another word that the stemmer happens to cut alike.
 *
 * The rule: strip the inflection a word carries (-s, -es, -ies, -ed, -ied, -ing) and spell the rest
 * one way (a final e dropped, a final y as i, a doubled last consonant single), giving its root;
 * two words of one stem are forms of one word when one root begins the other. `general` (general)
 * and `generally` (generalli) are; `general` and `generous` are not; `negotiate` (negotiat) and
 * `negotiations` (negotiation) are. A few short function words and nouns that end like an
 * inflection are forms of nothing else (`us` is not a form of `use`, nor `news` of `new`).
 */

/** Words that look inflected or look like the root of others, and are neither. */
const STANDING_ALONE = new Set([
  'us', 'as', 'is', 'his', 'its', 'this', 'thus', 'was', 'has', 'yes', 'plus', 'news', 'less', 'unless',
  'during', 'evening', 'morning', 'nothing', 'something', 'anything', 'everything', 'thing', 'things',
]);

const VOWEL = /[aeiouy]/;

/** The word without the inflection it carries, when what is left is still a word's beginning. */
function stripInflection(word: string): string {
  const strip = (ending: string, minimum: number, replacement = ''): string | undefined => {
    if (!word.endsWith(ending) || word.length < minimum) return undefined;
    const rest = word.slice(0, -ending.length);
    return VOWEL.test(rest) ? rest + replacement : undefined;
  };
  return (
    strip('ies', 5, 'i') ??
    strip('ied', 5, 'i') ??
    strip('ing', 5) ??
    strip('ed', 4) ??
    strip('es', 4) ??
    (/(ss|us|is)$/.test(word) ? undefined : strip('s', 4)) ??
    word
  );
}

/** The word's root: its inflection stripped, spelled one way (see the module comment). */
export function wordRoot(word: string): string {
  let root = stripInflection(word);
  if (/([b-df-hj-np-tv-z])\1$/.test(root)) root = root.slice(0, -1);
  if (root.length > 2 && root.endsWith('e')) root = root.slice(0, -1);
  if (root.length > 2 && root.endsWith('y')) root = `${root.slice(0, -1)}i`;
  return root;
}

/**
 * Whether two English terms that share a stem are forms of one word: the term a query holds and a
 * term of the index. Only meaningful for terms with one stem; other languages' stems are taken as
 * they are (see `isFormOf`).
 */
function areEnglishForms(a: string, b: string): boolean {
  if (a === b) return true;
  if (STANDING_ALONE.has(a) || STANDING_ALONE.has(b)) return false;
  const rootA = wordRoot(a);
  const rootB = wordRoot(b);
  return rootA.startsWith(rootB) || rootB.startsWith(rootA);
}

/**
 * Whether `variant`, a term with the same stem as `term` in `lang`, is a form of the same word. In
 * English the stems of Porter's algorithm are checked by the rule above; in French and Dutch the
 * Snowball stem is taken as it is.
 */
export function isFormOf(term: string, variant: string, lang: string): boolean {
  return lang !== 'en' || areEnglishForms(term, variant);
}

/** Terms grouped by stem, per language: language -> stem -> the terms with that stem in that language. */
export type StemGroups = Map<string, Map<string, string[]>>;

/** Adds a term to the group of its stem in `lang`. */
export function addToStemGroup(groups: StemGroups, lang: string, term: string): void {
  let byStem = groups.get(lang);
  if (!byStem) groups.set(lang, (byStem = new Map()));
  const stem = stemTerm(term, lang);
  const group = byStem.get(stem);
  if (group) group.push(term);
  else byStem.set(stem, [term]);
}

/**
 * The other forms of a query term among grouped terms, sorted: every term with the same stem as the
 * term in a language of the groups that is a form of the same word (`isFormOf`). The term index's
 * stem groups and the OpenSearch vocabulary both answer with it.
 */
export function findOtherForms(groups: StemGroups, term: string): string[] {
  const forms = new Set<string>();
  for (const [lang, byStem] of groups) for (const form of byStem.get(stemTerm(term, lang)) ?? []) if (form !== term && isFormOf(term, form, lang)) forms.add(form);
  return [...forms].sort();
}

/**
 * The words of a query term's family that are not its forms, sorted: terms with the English stem of
 * the term that `isFormOf` keeps apart (`immigrants` for `immigration`, `insurers` for `insurance`),
 * less pairs the rule knows to be unrelated (`use` for `us`). They never make a passage match; the
 * ranking counts them as evidence that a matching passage is about the word.
 */
export function findRelatedWords(groups: StemGroups, term: string): string[] {
  if (STANDING_ALONE.has(term)) return [];
  const related = groups.get('en')?.get(stemTerm(term, 'en')) ?? [];
  return related.filter((word) => word !== term && !STANDING_ALONE.has(word) && !areEnglishForms(term, word)).sort();
}
