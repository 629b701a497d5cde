import { findRecurringLines } from './find-recurring-lines.ts';
import { stripSiteChrome } from './strip-site-chrome.ts';

/** Where a page starts in a cleaned document's text. */
export interface PageStart {
  /** 1-based page number in the file. */
  page: number;
  start: number;
}

export interface CleanedText {
  text: string;
  /** One entry per page that kept some text; empty for a document without pages. */
  pageStarts: PageStart[];
}

/** Pages between which the paragraph always breaks. */
const PAGE_SEPARATOR = '\n\n';

/**
 * Cleans a document page by page and joins the pages into the one text that passages point into.
 * In a paged document, lines repeated on many of its pages (running headers and footers) and bare
 * page numbers are chrome too; the footer-link rule is for web captures and is not applied (it would
 * take the signature block that ends a letter).
 */
export function cleanDocument(pages: readonly string[], paged: boolean, sourceChrome: ReadonlySet<string>): CleanedText {
  const recurringLines = paged ? new Set([...sourceChrome, ...findRecurringLines(pages)]) : sourceChrome;
  let text = '';
  const pageStarts: PageStart[] = [];
  pages.forEach((page, index) => {
    const cleaned = stripSiteChrome(page, { recurringLines, dropFooter: !paged, dropPageNumbers: paged });
    if (cleaned === '') return;
    if (text !== '') text += PAGE_SEPARATOR;
    if (paged) pageStarts.push({ page: index + 1, start: text.length });
    text += cleaned;
  });
  return { text, pageStarts };
}

/** The page a text offset falls on, or undefined for a document without pages. */
export function findPage(pageStarts: readonly PageStart[], offset: number): number | undefined {
  let page: number | undefined;
  for (const start of pageStarts) {
    if (start.start > offset) break;
    page = start.page;
  }
  return page;
}
