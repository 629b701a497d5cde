import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CAPITAL_INITIALISMS, WORD_PATTERN_SOURCE } from '../analyzer/index.ts';

/**
 * Passim's analyzer as OpenSearch index settings, built from standard parts only (the pattern
 * tokenizer, pattern_replace, asciifolding, lowercase, snowball, synonym_graph: what every OpenSearch
 * distribution and managed service has), so that OpenSearch indexes the terms `tokenize` +
 * `normalizeTerm` give, at the offsets `findWords` gives. tests/opensearch/analysis-parity.test.ts holds
 * them to Passim's analyzer on the same sentences; docs/scaling.md lists what cannot be closed.
 *
 * - `passim`: the index terms (no stemming: Passim stems at query time over the index's terms).
 * - `passim_en`, `passim_fr`, `passim_nl`: the same terms stemmed as `stemTerm` stems them,
 *   numbers left whole; for queries written against OpenSearch directly.
 * - `passim_synonyms`: `passim` plus data/synonyms.txt, a search analyzer.
 */

/**
 * JavaScript's `\b` (ASCII word characters even in Unicode mode) in Java's syntax, where `\b` follows
 * Unicode letters.
 */
const ASCII_WORD_BOUNDARY = '(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))';

/** The word pattern of find-words.ts in Java's regular expression syntax. */
export function javaWordPattern(source: string = WORD_PATTERN_SOURCE): string {
  return source.replaceAll('\\b', ASCII_WORD_BOUNDARY);
}

const SEPARATORS = '[.,\\u00A0\\u202F\\u2009]';
const APOSTROPHE = "['’ʼ]";
/** Stands for a number's decimal point while the other separators are dropped (a private-use character no word holds). */
const DECIMAL_MARK = '\uE000';

const replace = (pattern: string, replacement = '') => ({ type: 'pattern_replace', pattern, replacement, all: true });

/** `US`, `UK`, `UN` in capitals (with or without a possessive) are the abbreviations `u.s.`, `u.k.`, `u.n.`. */
const INITIALISM_FILTERS = Object.fromEntries(
  [...CAPITAL_INITIALISMS].map(([written, term]) => [`passim_initialism_${written.toLowerCase()}`, replace(`^${written}(?:${APOSTROPHE}s)?$`, term)]),
);

/** The filters of `normalizeTerm`, in the order that gives its output. */
const NORMALIZE_FILTERS = {
  ...INITIALISM_FILTERS,
  // Numbers: a last group of other than three digits is decimals ("1,2" -> "1.2"), the other separators go ("18,000" -> "18000").
  passim_number_decimals: replace(`^(\\p{N}+(?:${SEPARATORS}\\p{N}+)*)${SEPARATORS}(\\p{N}{1,2}|\\p{N}{4,})$`, `$1${DECIMAL_MARK}$2`),
  passim_number_groups: replace(`(?<=\\p{N})${SEPARATORS}(?=\\p{N})`),
  passim_number_point: replace(DECIMAL_MARK, '.'),
  // Accents and joined letters (é -> e, ß -> ss, æ -> ae, ø -> o, ł -> l), then case, then any combining mark left.
  passim_fold: { type: 'asciifolding', preserve_original: false },
  passim_marks: replace('\\p{M}+'),
  passim_possessive: replace(`${APOSTROPHE}s$`),
  passim_apostrophes: replace(APOSTROPHE),
  // An abbreviation keeps its dots and ends with one ("U.S" -> "u.s.").
  passim_abbreviation_end: replace('^(\\p{L}(?:\\.\\p{L})+)$', '$1.'),
};

const NORMALIZE_CHAIN = [
  'passim_number_decimals',
  'passim_number_groups',
  'passim_number_point',
  ...Object.keys(INITIALISM_FILTERS),
  'passim_fold',
  'lowercase',
  'passim_marks',
  'passim_possessive',
  'passim_apostrophes',
  'passim_abbreviation_end',
];

let foldedLetters: string[] | undefined;

/**
 * Letters outside the Latin script that `normalizeTerm` folds (NFKD, then combining marks dropped:
 * Greek `ά` -> `α`, Cyrillic `й` -> `и`), as rules of a mapping char filter: asciifolding folds only
 * Latin letters and OpenSearch has no NFKD without the ICU plugin. Hangul syllables, which NFKD splits
 * into their jamo, are left whole (docs/scaling.md).
 */
function foldedLetterMappings(): string[] {
  if (foldedLetters) return foldedLetters;
  foldedLetters = [];
  for (let code = 0; code < 0x10000; code += 1) {
    if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0xac00 && code <= 0xd7a3)) continue;
    const letter = String.fromCharCode(code);
    if (!/\p{L}/u.test(letter) || /\p{Script=Latin}/u.test(letter)) continue;
    const folded = letter.normalize('NFKD').replace(/\p{M}+/gu, '');
    if (folded !== letter && /^\p{L}+$/u.test(folded)) foldedLetters.push(`${letter} => ${folded}`);
  }
  return foldedLetters;
}

/**
 * OpenSearch's stemmers closest to stem-term.ts's (Orama's): Porter's original algorithm for English
 * (Orama's English is Porter's, not Snowball's English), Snowball for French and Dutch (identical on
 * the 23,745 words of the State of the Union addresses). English differs on words ending in -ion
 * (docs/scaling.md).
 */
const STEMMERS = {
  en: { type: 'stemmer', language: 'english' },
  fr: { type: 'snowball', language: 'French' },
  nl: { type: 'snowball', language: 'Dutch' },
} as const;

/** data/synonyms.txt, as the server reads it. */
const SYNONYMS_FILE = resolve(import.meta.dirname, '../../data/synonyms.txt');

/** The synonym groups of a synonyms file (a group per line, forms separated by commas, `#` comments). */
export function readSynonymLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) =>
      line
        .split(',')
        .map((form) => form.trim())
        .filter((form) => form !== '')
        .join(', '),
    )
    .filter((line) => line.includes(','));
}

function defaultSynonymLines(): string[] {
  try {
    return readSynonymLines(readFileSync(SYNONYMS_FILE, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The `analysis` section of an index's settings. */
export function passimAnalysisSettings(synonymLines: string[] = defaultSynonymLines()) {
  const stemFilters = Object.fromEntries(Object.entries(STEMMERS).map(([lang, filter]) => [`passim_stem_${lang}`, filter]));
  const stemAnalyzers = Object.fromEntries(
    Object.keys(STEMMERS).map((lang) => [
      `passim_${lang}`,
      { type: 'custom', char_filter: ['passim_fold_letters'], tokenizer: 'passim_words', filter: [...NORMALIZE_CHAIN, 'passim_keep_numbers', `passim_stem_${lang}`] },
    ]),
  );
  return {
    char_filter: { passim_fold_letters: { type: 'mapping', mappings: foldedLetterMappings() } },
    tokenizer: { passim_words: { type: 'pattern', pattern: javaWordPattern(), group: 0 } },
    filter: {
      ...NORMALIZE_FILTERS,
      // stemTerm leaves numbers and abbreviations as they are.
      passim_keep_numbers: { type: 'keyword_marker', keywords_pattern: '.*[\\p{N}.].*' },
      ...stemFilters,
      ...(synonymLines.length > 0 ? { passim_synonyms: { type: 'synonym_graph', synonyms: synonymLines, expand: true } } : {}),
    },
    analyzer: {
      passim: { type: 'custom', char_filter: ['passim_fold_letters'], tokenizer: 'passim_words', filter: NORMALIZE_CHAIN },
      ...stemAnalyzers,
      passim_synonyms: { type: 'custom', char_filter: ['passim_fold_letters'], tokenizer: 'passim_words', filter: [...NORMALIZE_CHAIN, ...(synonymLines.length > 0 ? ['passim_synonyms'] : [])] },
    },
  };
}
