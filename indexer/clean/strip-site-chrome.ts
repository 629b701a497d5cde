/**
 * Removes the site chrome that web captures carry around the article: government banners, "Last
 * updated on" and "News Type" list stubs, and the trailing block of footer links. The removed lines
 * are listed here on purpose: a short, readable list is easier to trust than a clever heuristic.
 */
const CHROME_LINES: RegExp[] = [
  // The U.S. government banner (state.gov and every .gov site).
  /^An official website of the United States Government\b/i,
  /^Official websites use \.gov$/i,
  /^A \.gov website belongs to an official government organization/i,
  /^Secure \.gov websites use HTTPS$/i,
  /^A lock \(.*\) or https:\/\/ means you.ve safely connected to the \.gov website/i,
  // List stubs of the Belgian Foreign Affairs site, with or without their list number.
  /^(?:\d+\.\s*)?Last updated on\b.{0,40}$/i,
  /^(?:\d+\.\s*)?News Type$/i,
];

/** A footer link is a short line that does not end like a sentence. */
const FOOTER_LINK_MAX_WORDS = 8;
const FOOTER_BLOCK_MAX_LINES = 4;
const SENTENCE_END = /[.!?:;"”’)\]]$/;

function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  return CHROME_LINES.some((pattern) => pattern.test(trimmed));
}

function looksLikeFooterLink(line: string): boolean {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/).length;
  return words <= FOOTER_LINK_MAX_WORDS && !SENTENCE_END.test(trimmed);
}

/**
 * Cleans a captured text for display and indexing: unifies line endings, drops chrome lines and a
 * trailing block of footer links, and collapses runs of blank lines. Characters inside kept lines are
 * untouched (quotes, non-breaking spaces and accents stay as written, for faithful copying).
 */
export function stripSiteChrome(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .filter((line) => !isChromeLine(line));

  dropTrailingFooter(lines);

  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Removes trailing footer links ("U.S. Department of State", related-article titles) in place. */
function dropTrailingFooter(lines: string[]): void {
  const nonBlank = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '');
  let footerStart = nonBlank.length;
  while (
    footerStart > 0 &&
    nonBlank.length - footerStart < FOOTER_BLOCK_MAX_LINES &&
    looksLikeFooterLink(nonBlank[footerStart - 1]!.line)
  ) {
    footerStart -= 1;
  }
  // Keep everything when the whole text would go: then it is not a footer, it is the document.
  if (footerStart === 0 || footerStart === nonBlank.length) return;
  // A block at the limit may be longer than we can see, hence not a footer we understand: keep it.
  if (footerStart > 0 && looksLikeFooterLink(nonBlank[footerStart - 1]!.line)) return;
  lines.length = nonBlank[footerStart]!.index;
}
