import type { Catalog } from '../corpus/catalog.ts';
import { buildDocument, resolveSource } from '../document/build-document.ts';
import type { ExtractedText } from '../extract/extracted-text.ts';
import { findRecurringLines } from '../clean/find-recurring-lines.ts';
import type { SkippedFile, StoredDocument } from './index-format.ts';

/**
 * Turns every extracted text into a document. Chrome that recurs across a source is found over all
 * of that source's texts first, so a document's cleaning depends on its source's other documents:
 * this is why an incremental build still runs this step over the whole corpus.
 */
export function buildDocuments(
  texts: readonly ExtractedText[],
  context: { catalog: Catalog; corpusName: string },
  onDocument?: (done: number, path: string) => void,
): { documents: StoredDocument[]; skipped: SkippedFile[] } {
  const textsBySource = new Map<string, string[]>();
  for (const text of texts) {
    const source = resolveSource(text, context.corpusName);
    const sourceTexts = textsBySource.get(source) ?? [];
    sourceTexts.push(text.pages.join('\n'));
    textsBySource.set(source, sourceTexts);
  }
  const chromeBySource = new Map([...textsBySource].map(([source, sourceTexts]) => [source, findRecurringLines(sourceTexts)]));

  const documents: StoredDocument[] = [];
  const skipped: SkippedFile[] = [];
  for (const [index, text] of texts.entries()) {
    const sourceChrome = chromeBySource.get(resolveSource(text, context.corpusName)) ?? new Set<string>();
    const built = buildDocument(text, { ...context, sourceChrome });
    if (built.ok) documents.push(built.document);
    else skipped.push({ path: text.path, reason: built.reason });
    onDocument?.(index + 1, text.path);
  }
  return { documents, skipped };
}
