import { normalizeDate } from '../metadata/find-date.ts';
import { compactMetadata, extractedOne, type ExtractResult } from './extracted-text.ts';
import { layOutPdfPage, type PdfTextItem } from './pdf-page-text.ts';

const PDF_MAGIC = '%PDF-';
/** Every complete PDF ends with %%EOF; writers may append a few bytes after it. */
const EOF_MARKER = '%%EOF';
const EOF_SEARCH_BYTES = 2048;

/** PDF producers put file names and placeholders in the Title field; those are not titles. */
const USELESS_TITLE = /^(?:untitled|document\d*|microsoft word\b.*)$|\.(?:docx?|pdf|rtf|odt|indd|pages)$/i;

/**
 * A `.pdf` file, through unpdf (pdf.js built for servers): one text per page, so each passage keeps
 * the page it starts on. Checks the file's frame first, so a truncated download is named as one
 * instead of being half-read by pdf.js's repair mode.
 */
export async function extractPdf(bytes: Uint8Array, path: string): Promise<ExtractResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf(PDF_MAGIC) === -1) return { ok: false, reason: 'not a PDF file (no %PDF- header)' };
  if (Buffer.from(bytes.subarray(-EOF_SEARCH_BYTES)).indexOf(EOF_MARKER) === -1) {
    return { ok: false, reason: 'truncated PDF (it does not end with %%EOF): copy or download it again' };
  }
  // Loaded on first use: pdf.js is large, and a corpus without PDFs should not pay for it.
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    return { ok: false, reason: describePdfError(error) };
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(layOutPdfPage(content.items.filter((item): item is PdfTextItem & typeof item => 'str' in item)));
    }
    if (pages.every((page) => page.trim() === '')) {
      return { ok: false, reason: 'PDF without a text layer (a scan?): run OCR on it first' };
    }
    const info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const title = typeof info.Title === 'string' && !USELESS_TITLE.test(info.Title.trim()) ? info.Title : undefined;
    // The Info dictionary's dates are the file's own declaration of when it was made.
    const date = normalizeDate(info.CreationDate) ?? normalizeDate(info.ModDate);
    return extractedOne({ path, pages, paged: true, metadata: compactMetadata({ title, date }) });
  } catch (error) {
    return { ok: false, reason: describePdfError(error) };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

function describePdfError(error: unknown): string {
  const name = (error as { name?: string }).name;
  const message = ((error as Error).message ?? String(error)).split('\n', 1)[0];
  if (name === 'PasswordException') return 'password-protected PDF: save a copy without a password';
  return `damaged PDF (${message})`;
}
