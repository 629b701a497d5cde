import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';

/** One page of a generated PDF: its paragraphs, each a list of lines. */
export type PdfPage = string[][];

const FONT_SIZE = 11;
const LINE_GAP = 14;
const PARAGRAPH_GAP = 28;

/**
 * A small text PDF made with pdf-lib: each page's paragraphs drawn line by line, with a wider gap
 * between paragraphs, as a word processor lays them out. `title` goes into the PDF's Info.
 */
export async function makePdf(pages: PdfPage[], options: { title?: string; password?: boolean; created?: Date } = {}): Promise<Uint8Array> {
  // No metadata but what is asked for: pdf-lib would otherwise declare the moment of the test as the creation date.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (options.title) pdf.setTitle(options.title);
  if (options.created) pdf.setCreationDate(options.created);
  for (const paragraphs of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 800;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 50, y, size: FONT_SIZE, font });
        y -= LINE_GAP;
      }
      y -= PARAGRAPH_GAP - LINE_GAP;
    }
  }
  if (options.password) lockWithUnknownPassword(pdf);
  return pdf.save({ useObjectStreams: false });
}

/**
 * Adds a standard-security Encrypt dictionary whose user-password check cannot pass with an empty
 * password: a reader must ask for a password, which is all a test of "password-protected" needs.
 */
function lockWithUnknownPassword(pdf: PDFDocument): void {
  const context = pdf.context;
  const encrypt = context.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    P: PDFNumber.of(-44),
    O: PDFHexString.of('11'.repeat(32)),
    U: PDFHexString.of('22'.repeat(32)),
  });
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([PDFHexString.of('33'.repeat(16)), PDFHexString.of('33'.repeat(16))]);
}
