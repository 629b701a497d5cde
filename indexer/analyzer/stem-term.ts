import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';

/**
 * Snowball stemmers (Martin Porter's algorithms, as packaged by Orama) for the languages Passim's
 * archives are written in. A term is stemmed with the stemmer of the language of the document it is
 * in; a query word with the stemmer of every language the index holds.
 */
const STEMMERS: Record<string, (word: string) => string> = { en: english, fr: french, nl: dutch };

/** Languages (ISO 639-1) that have a stemmer. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(STEMMERS);

/** The language a document without a detected one is stemmed as: the archives are mostly English. */
export const DEFAULT_STEM_LANGUAGE = 'en';

/** The language a document's words are stemmed in: its own when it has a stemmer, English when none was detected. */
export function stemLanguageOf(lang: string | undefined): string | undefined {
  if (lang === undefined) return DEFAULT_STEM_LANGUAGE;
  return STEMMED_LANGUAGES.includes(lang) ? lang : undefined;
}

/** Numbers and abbreviations (`u.s.`) are their own stem. */
const UNSTEMMED = /[\p{N}.]/u;

/**
 * The stem of an analyzed term (`normalizeTerm`'s output) in a language: `negotiations`, `negotiated`
 * and `negotiate` all give `negoti` in English; `cooperation` and `cooperer` give `cooper` in French.
 * Numbers, abbreviations and terms of a language without a stemmer are their own stem.
 */
export function stemTerm(term: string, lang: string): string {
  const stem = STEMMERS[lang];
  if (!stem || UNSTEMMED.test(term)) return term;
  return stem(term);
}
