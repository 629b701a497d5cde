/**
 * The form of a line used to compare it with other lines (is it the same banner as in the other
 * documents?) and with the chrome list: compatibility forms unified (ligatures, full-width letters),
 * curly quotes and primes as straight ones, every dash and minus as "-", every run of white space
 * (non-breaking too) as one space, lower case. Only comparisons use it: the stored text keeps the
 * characters as written, for display and copying. Search terms get the same folding from the analyzer.
 */
export function normalizeForMatching(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/[‘’‚‛′ʼ`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−﹣－]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
