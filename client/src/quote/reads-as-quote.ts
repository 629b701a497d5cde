/** Opening and closing quotation marks readers paste: straight, curly, guillemets, low-9. */
const QUOTED = /^\s*["“”„«‹'‘’‚「『]\s*[\s\S]+?\s*["“”«»‹›'‘’」』]\s*[.,;:!?)]*\s*$/u;

/** Words a query of its own rarely has; past this a paste reads as a quote. */
const QUOTE_WORDS = 12;

/**
 * Whether a search text reads as a quote to check rather than words to search: it stands inside
 * quotation marks (with a few words: a two-word phrase search is not a quote), or it is longer than a
 * dozen words. Whitespace counting is enough to decide what to offer; the server reads the words.
 */
export function readsAsQuote(text: string): boolean {
  const words = text.trim().split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words > QUOTE_WORDS) return true;
  return words >= 4 && QUOTED.test(text);
}
