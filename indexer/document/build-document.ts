import { basename, extname } from 'node:path';
import type { Catalog } from '../corpus/catalog.ts';
import type { ExtractedText } from '../extract/extracted-text.ts';
import type { StoredDocument, StoredPassage } from '../index/index-format.ts';
import { cleanDocument, findPage } from '../clean/clean-document.ts';
import { chunkDocument, type ChunkOptions } from '../chunk/chunk-document.ts';
import { findDate, normalizeDate } from '../metadata/find-date.ts';
import { detectLanguage } from '../metadata/detect-language.ts';
import { documentId, passageId } from './document-id.ts';
import { formatSpeakerName } from './format-speaker-name.ts';
import { inferTitle } from './infer-title.ts';
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
 * Turns what was read from a file into a document: cleaned text, labels, passages. Each label comes
 * from the most explicit place that has it: the catalog, then what the file declares, then what
 * the text shows (title: first heading-like line; date: a date near the start; language: detected).
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
  const date = normalizeDate(cataloged.date) ?? declared.date ?? findDate(text);
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
      title: cataloged.title ?? declared.title ?? inferTitle(text, basename(filePath, extname(filePath))),
      source,
      sourceName: context.catalog.sources[source]?.name ?? source,
      ...(date === undefined ? {} : { date }),
      ...(lang === undefined ? {} : { lang }),
      ...(url === undefined ? {} : { url }),
      text,
      passages,
    },
  };
}
