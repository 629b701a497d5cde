import { basename, extname } from 'node:path';
import type { Catalog } from '../corpus/catalog.ts';
import type { StoredDocument } from '../index/index-format.ts';
import { stripSiteChrome } from '../clean/strip-site-chrome.ts';
import { chunkDocument, type ChunkOptions } from '../chunk/chunk-document.ts';
import { documentId, passageId } from './document-id.ts';
import { inferTitle } from './infer-title.ts';

export type BuildDocumentResult = { ok: true; document: StoredDocument } | { ok: false; reason: string };

/** The source of a corpus path: its top folder, or the corpus itself for files at the top. */
export function sourceOf(corpusPath: string, corpusName: string): string {
  const slash = corpusPath.indexOf('/');
  return slash === -1 ? corpusName : corpusPath.slice(0, slash);
}

/** Turns a decoded text file into a document: cleaned text, labels, passages. */
export function buildDocument(
  input: { path: string; rawText: string; corpusName: string },
  catalog: Catalog,
  chunkOptions?: Partial<ChunkOptions>,
): BuildDocumentResult {
  const text = stripSiteChrome(input.rawText);
  const spans = chunkDocument(text, chunkOptions);
  if (spans.length === 0) return { ok: false, reason: 'no text left to index (empty, or only site chrome)' };

  const id = documentId(input.path);
  const source = sourceOf(input.path, input.corpusName);
  const fileTitle = basename(input.path, extname(input.path));
  return {
    ok: true,
    document: {
      id,
      path: input.path,
      title: catalog.documents[input.path]?.title ?? inferTitle(text, fileTitle),
      source,
      sourceName: catalog.sources[source]?.name ?? source,
      text,
      passages: spans.map((span, ordinal) => ({ id: passageId(id, ordinal), ordinal, ...span })),
    },
  };
}
