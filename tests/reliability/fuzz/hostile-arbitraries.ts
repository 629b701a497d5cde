import fc from 'fast-check';

/**
 * Multiplies every property's number of cases: `npm run fuzz` sets it high for a long hunt, and the
 * unit suite runs at 1 to stay fast.
 */
const FUZZ_SCALE = Number(process.env.PASSIM_FUZZ_SCALE ?? '1');

/** fast-check parameters for a property of `base` cases at scale 1. */
export function runs(base: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(base * FUZZ_SCALE)) };
}

/** Characters and pieces that have broken text code before: controls, invisibles, bidi, surrogates, ligatures, marks. */
const TRICKY = [
  '\u0000', '\u001b', '\t', '\n', '\r\n', '\n\n', '\r', '\u000b', '\u00A0', '\u2028', '\u2029', '\u3000',
  '\u202E', '\u202C', '\u2066', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u0301', '\u0338',
  '\uD800', '\uDFFF', 'İ', 'ı', 'ß', 'ẞ', 'Ǆ', 'ǅ', 'ﬁ', 'Ⅻ', '½', '²', '𝔄', '👩‍👩‍👧', '🇧🇪', '中文', 'العربية', 'עברית',
  'e\u0301', 'ŉ', '’', "'", 'ʼ', '"', '“', '”', '„', '«', '»', '-', '−', '–', '—', '*', ':', '(', ')', '|', '&&',
  '<script>', '</script>', '<img src=x onerror=alert(1)>', '&amp;', '&#x3C;', 'javascript:', '…', '...', '?', '!', '.',
];

/** Words and query syntax of the domain: words that match, fields, operators, dates, prefixes. */
const DOMAIN = [
  'war', 'peace', 'coalition', 'Coalition’s', 'WILMÈS', 'Wilmès', 'wilmes', 'international', 'cooperation', 'the', 'a', 'tax',
  'taxes', '1989', 'F-16', 'U.S.', 'Mr.', 'A.', 'état', 'naïve', 'SECRETARY BLINKEN:', 'QUESTION:', 'source:press', 'source:',
  'year:2019..2021', 'year:2021..2019', 'date:>=2020-06', 'date:2021-13-40', 'lang:fr', 'lang:xx1', 'title:coal*', 'speaker:"secretary blinken"',
  'intern*', '*x', '**', '-camps', '-', '--', 'NOT', 'OR', 'AND', '"', '"unclosed', '""', '(', ')',
];

/** One piece of hostile text: tricky characters, domain words and syntax, or arbitrary code points and graphemes. */
export const hostileToken = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 4, arbitrary: fc.constantFrom(...DOMAIN) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'B', 'é', '1'), minLength: 20, maxLength: 60 }) },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '  ', '. ', ', ');

/** Text made of hostile tokens and separators, up to `maxTokens` of them. */
export function hostileText(maxTokens: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(hostileToken, separator), { maxLength: maxTokens }).map((parts) => parts.map(([token, space]) => token + space).join(''));
}

/** A character the analyzer counts as part of a word. */
export const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Milliseconds one call took. */
export function timed<T>(run: () => T): { value: T; ms: number } {
  const startedAt = performance.now();
  const value = run();
  return { value, ms: performance.now() - startedAt };
}

/**
 * The longest one call on small input may take: far above any normal run on a loaded 2-core machine,
 * far below what a quadratic or exponential blow-up would take.
 */
export const SMALL_INPUT_MS = 250;
