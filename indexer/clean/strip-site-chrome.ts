import { normalizeForMatching } from './normalize-for-matching.ts';

/**
 * Removes the site chrome that web captures carry around the article: government banners, "Last
 * updated on" and "News Type" list stubs, and the trailing block of footer links. The removed lines
 * are listed here on purpose: a short, readable list is easier to trust than a clever heuristic.
 * What the list does not foresee, lines repeated across a source's documents, comes in as
 * `recurringLines` (see find-recurring-lines.ts).
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
  // Accessibility and sharing links that most CMS templates put around an article.
  /^Skip to (?:the )?(?:main )?content$/i,
  /^(?:Back|Return) to top$/i,
  /^(?:Share|Print|Email)(?: this)?(?: page| article| story)?$/i,
  /^This (?:web)?site uses cookies\b.{0,200}$/i,
];

/** A page number alone on a line ("3", "Page 3", "Page 3 of 7", "- 3 -"): chrome in a paged document only. */
const PAGE_NUMBER_LINE = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;

export interface ChromeOptions {
  /** Matching forms (`normalizeForMatching`) of lines to drop wherever they appear. Default none. */
  recurringLines: ReadonlySet<string>;
  /** Drop a trailing block of footer links. Default true; off for the inner pages of a PDF. */
  dropFooter: boolean;
  /** Drop lines that are only a page number. Default false; on for paged documents. */
  dropPageNumbers: boolean;
}

export const DEFAULT_CHROME_OPTIONS: ChromeOptions = { recurringLines: new Set(), dropFooter: true, dropPageNumbers: false };

/** Characters a reader cannot see and the analyzer would take as word breaks ("co\u00ADoperation"). */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/** A footer link is a short line that does not end like a sentence. */
const FOOTER_LINK_MAX_WORDS = 8;
const FOOTER_BLOCK_MAX_LINES = 4;
const SENTENCE_END = /[.!?:;"”’)\]]$/;

function isChromeLine(line: string, settings: ChromeOptions): boolean {
  const matching = normalizeForMatching(line);
  if (matching === '') return false;
  if (settings.recurringLines.has(matching)) return true;
  if (settings.dropPageNumbers && PAGE_NUMBER_LINE.test(matching)) return true;
  return CHROME_LINES.some((pattern) => pattern.test(matching));
}

function looksLikeFooterLink(line: string): boolean {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/).length;
  return words <= FOOTER_LINK_MAX_WORDS && !SENTENCE_END.test(trimmed);
}

/**
 * Cleans a captured text for display and indexing: unifies line endings, drops invisible characters,
 * chrome lines and a trailing block of footer links, and collapses runs of blank lines. Other
 * characters inside kept lines are untouched (quotes, non-breaking spaces and accents stay as
 * written, for faithful copying).
 */
export function stripSiteChrome(raw: string, options: Partial<ChromeOptions> = {}): string {
  const settings = { ...DEFAULT_CHROME_OPTIONS, ...options };
  const lines = raw
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .filter((line) => !isChromeLine(line, settings));

  if (settings.dropFooter) dropTrailingFooter(lines);

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
