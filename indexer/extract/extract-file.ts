import { extname } from 'node:path';
import { extractDocx } from './extract-docx.ts';
import { extractHtml } from './extract-html.ts';
import { extractMarkdown } from './extract-markdown.ts';
import { extractPdf } from './extract-pdf.ts';
import { extractPlainText } from './extract-plain-text.ts';
import { extractRecords } from './extract-records.ts';
import type { ExtractResult } from './extracted-text.ts';

type Extractor = (bytes: Uint8Array, path: string) => ExtractResult | Promise<ExtractResult>;

/** The reader for each supported file extension (lower case). */
const EXTRACTORS: Record<string, Extractor> = {
  '.txt': extractPlainText,
  '.md': extractMarkdown,
  '.markdown': extractMarkdown,
  '.html': extractHtml,
  '.htm': extractHtml,
  '.pdf': extractPdf,
  '.docx': extractDocx,
  '.json': (bytes, path) => extractRecords(bytes, path, 'json'),
  '.jsonl': (bytes, path) => extractRecords(bytes, path, 'jsonl'),
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTRACTORS);

export function isSupportedFile(path: string): boolean {
  return Object.hasOwn(EXTRACTORS, extname(path).toLowerCase());
}

/** Why a file is not read at all, or undefined when its format is supported. */
export function unsupportedReason(path: string): string | undefined {
  if (isSupportedFile(path)) return undefined;
  const extension = extname(path).toLowerCase();
  return `unsupported format "${extension || '(no extension)'}" (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`;
}

/**
 * Reads a file's bytes as its format says. Never throws for a bad file: a reader that fails in a
 * way it did not foresee still yields a reason, so one file cannot stop a run.
 */
export async function extractFile(bytes: Uint8Array, path: string): Promise<ExtractResult> {
  const extractor = EXTRACTORS[extname(path).toLowerCase()];
  if (!extractor) return { ok: false, reason: unsupportedReason(path)! };
  try {
    return await extractor(bytes, path);
  } catch (error) {
    return { ok: false, reason: `could not be read (${(error as Error).message?.split('\n', 1)[0] ?? String(error)})` };
  }
}
