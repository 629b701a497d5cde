import { parse, type HTMLElement } from 'node-html-parser';
import { normalizeDate } from '../metadata/find-date.ts';
import { normalizeLanguage } from '../metadata/detect-language.ts';
import { decodeHtml } from './decode-html.ts';
import { compactMetadata, extractedOne, type DeclaredMetadata, type ExtractResult } from './extracted-text.ts';
import { htmlToText } from './html-to-text.ts';

/** Never content: code, forms, embedded media, and the parts of a page that are site navigation. */
const NOT_CONTENT = [
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'form', 'button', 'select',
  'nav', 'aside', '[role=navigation]', '[role=banner]', '[role=contentinfo]', '[role=search]', '[aria-hidden=true]', '[hidden]',
].join(',');

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="dcterms.date"]',
  'meta[name="DC.date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="date"]',
];

/**
 * An `.html` page: labels from its head (title, meta tags, canonical address, `lang`) and the text of
 * its main content, without navigation, headers and footers of the site, scripts and styles.
 */
export function extractHtml(bytes: Uint8Array, path: string): ExtractResult {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  const document = parse(decoded.text, { comment: false, blockTextElements: { pre: true } });
  const main = findMainContent(document);
  const metadata = readHtmlMetadata(document, main);
  for (const element of main.querySelectorAll(NOT_CONTENT)) element.remove();
  // Without a <main> or <article>, the page's own header and footer are site chrome. Inside one,
  // a <header> usually holds the article's title and date: keep it.
  if (main.tagName === 'BODY' || main === document) {
    for (const element of main.querySelectorAll('header, footer')) if (!element.closest('article')) element.remove();
  }
  return extractedOne({ path, pages: [htmlToText(main)], paged: false, metadata });
}

function findMainContent(document: HTMLElement): HTMLElement {
  const articles = document.querySelectorAll('article');
  return (
    document.querySelector('main') ??
    document.querySelector('[role=main]') ??
    (articles.length === 1 ? articles[0] : undefined) ??
    document.querySelector('body') ??
    document
  );
}

function metaContent(document: HTMLElement, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const content = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** The page's declared labels. A `<title>` loses a trailing " | Site name", which is not the document's title. */
function readHtmlMetadata(document: HTMLElement, main: HTMLElement): DeclaredMetadata {
  const pageTitle = document.querySelector('title')?.text.replace(/\s+/g, ' ').trim();
  const title = metaContent(document, ['meta[property="og:title"]', 'meta[name="dc.title"]', 'meta[name="DC.title"]']) ?? pageTitle?.replace(/\s+\|\s+[^|]*$/, '');
  const declaredDate = metaContent(document, PUBLISHED_META) ?? main.querySelector('time[datetime]')?.getAttribute('datetime');
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, ['meta[property="og:url"]']);
  return compactMetadata({
    title,
    date: normalizeDate(declaredDate),
    url,
    lang: normalizeLanguage(document.querySelector('html')?.getAttribute('lang')),
  });
}
