import { basename, extname } from 'node:path';
import type { Catalog } from '../corpus/catalog.ts';
import type { ExtractedText } from '../extract/extracted-text.ts';
import type { DateSource, StoredDocument, StoredPassage, TitleSource } from '../index/index-format.ts';
import { cleanDocument, findPage } from '../clean/clean-document.ts';
import { chunkDocument, type ChunkOptions } from '../chunk/chunk-document.ts';
import { findOwnDate, normalizeDate } from '../metadata/find-date.ts';
import { findPathDate } from '../metadata/find-path-date.ts';
import { detectLanguage } from '../metadata/detect-language.ts';
import { documentId, passageId } from './document-id.ts';
import { formatSpeakerName } from './format-speaker-name.ts';
import { inferAuthor } from './infer-author.ts';
import { describeTitle, findHeadingTitle, findOpeningKind } from './infer-title.ts';
import { keepWebAddress } from './keep-web-address.ts';

export type BuildDocumentResult = { ok: true; document: StoredDocument } | { ok: false; reason: string };

export interface DocumentContext {
  catalog: Catalog;
  /** Name of the corpus folder: the source of files at its top level. */
  corpusName: string;
  /** Lines that recur across the documents of this document's source (see find-recurring-lines.ts). */
  sourceChrome: ReadonlySet<string>;
  chunkOptions?: Partial<ChunkOptions>;
}

/** The source of a corpus path: its top folder, or the corpus itself for files at the top. */
export function sourceOf(corpusPath: string, corpusName: string): string {
  const slash = corpusPath.indexOf('/');
  return slash === -1 ? corpusName : corpusPath.slice(0, slash);
}

/** A document's source: the one it declares (a JSON record's `source`), else its top folder. */
export function resolveSource(extracted: ExtractedText, corpusName: string): string {
  return extracted.metadata.source ?? sourceOf(extracted.path, corpusName);
}

/**
 * A document's date from the most explicit place that has one: the catalog, what the file declares
 * (front matter, meta tags, PDF and Word properties, a record's field), its path (`1861_…`,
 * `2021/03/30/…`), and only then its text, where only a date that reads as the document's own counts.
 */
export function pickDate(cataloged: unknown, declared: string | undefined, path: string, text: string): { date: string; dateSource: DateSource } | undefined {
  const candidates: [DateSource, () => string | undefined][] = [
    ['catalog', () => normalizeDate(cataloged)],
    ['declared', () => declared],
    ['path', () => findPathDate(path)],
    ['text', () => findOwnDate(text)],
  ];
  for (const [dateSource, find] of candidates) {
    const date = find();
    if (date !== undefined) return { date, dateSource };
  }
  return undefined;
}

/**
 * Turns what was read from a file into a document: cleaned text, labels, passages. Each label comes
 * from the most explicit place that has it: the catalog (the document's entry, then its source's),
 * then what the file declares, then its path and what the text shows (title: a heading-like first
 * line, else a description such as "State of the Union address, 1941"; date: see `pickDate`; author:
 * the person or organization the source folder names; language: detected).
 */
export function buildDocument(extracted: ExtractedText, context: DocumentContext): BuildDocumentResult {
  const { text, pageStarts } = cleanDocument(extracted.pages, extracted.paged, context.sourceChrome);
  const spans = chunkDocument(text, context.chunkOptions);
  if (spans.length === 0) return { ok: false, reason: 'no text left to index (empty, or only site chrome)' };

  const id = documentId(extracted.path);
  const source = resolveSource(extracted, context.corpusName);
  const cataloged = context.catalog.documents[extracted.path] ?? {};
  const declared = extracted.metadata;
  const filePath = extracted.path.replace(/#.*$/, '');
  const sourceEntry = context.catalog.sources[source] ?? {};
  const sourceName = sourceEntry.name ?? source;
  const dated = pickDate(cataloged.date, declared.date, extracted.path, text);
  const opening = findOpeningKind(text);
  const speakers = new Set(spans.map(({ speaker }) => speaker).filter((speaker) => speaker !== undefined));
  const kind = cataloged.kind ?? sourceEntry.kind ?? opening?.kind ?? (speakers.size >= 2 ? 'transcript' : undefined);
  const container = cataloged.container ?? sourceEntry.container;
  const author = cataloged.author ?? sourceEntry.author ?? inferAuthor(source, sourceName);
  const heading = findHeadingTitle(text);
  const [title, titleSource]: [string, TitleSource] =
    cataloged.title !== undefined ? [cataloged.title, 'catalog']
    : declared.title !== undefined ? [declared.title, 'declared']
    : heading !== undefined ? [heading, 'text']
    : [describeTitle({ container, kind, kindLabel: opening?.label, date: dated?.date, fileName: extracted.path.includes('#') ? extracted.path.slice(extracted.path.indexOf('#') + 1) : basename(filePath, extname(filePath)) }), 'described'];
  const lang = cataloged.lang ?? declared.lang ?? detectLanguage(text);
  const url = keepWebAddress(cataloged.url ?? declared.url);
  const passages: StoredPassage[] = spans.map(({ speaker, ...span }, ordinal) => {
    const page = findPage(pageStarts, span.start);
    return {
      id: passageId(id, ordinal),
      ordinal,
      ...span,
      ...(speaker === undefined ? {} : { speaker, speakerName: formatSpeakerName(speaker) }),
      ...(page === undefined ? {} : { page }),
    };
  });
  return {
    ok: true,
    document: {
      id,
      path: extracted.path,
      title,
      titleSource,
      source,
      sourceName,
      ...dated,
      author,
      ...(kind === undefined ? {} : { kind }),
      ...(container === undefined ? {} : { container }),
      ...(lang === undefined ? {} : { lang }),
      ...(url === undefined ? {} : { url }),
      text,
      passages,
    },
  };
}
