/** The parts of a pdf.js text item that layout needs. */
export interface PdfTextItem {
  str: string;
  /** pdf.js's transform matrix: [a, b, c, d, x, y]; y grows upwards. */
  transform: number[];
  hasEOL: boolean;
}

/** A gap between two lines this many times the page's usual line gap separates two paragraphs. */
const PARAGRAPH_GAP_RATIO = 1.4;
/** Single-spaced text has lines about 1.2 font sizes apart; the usual gap is never taken as wider than this. */
const SINGLE_SPACING = 1.25;

/**
 * Lays out one page's text items as plain text: a line per PDF line, and a blank line where the
 * vertical gap between two lines is clearly larger than the page's usual line spacing (PDFs have
 * no paragraphs, only positions), or where the text jumps back up (a new column).
 */
export function layOutPdfPage(items: PdfTextItem[]): string {
  const lines: { text: string; y: number; size: number }[] = [];
  let text = '';
  let y: number | undefined;
  let size = 0;
  for (const item of items) {
    if (item.str !== '') {
      text += item.str;
      y ??= item.transform[5] ?? 0;
      size = Math.max(size, Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0));
    }
    if (item.hasEOL) {
      if (text.trim() !== '') lines.push({ text: text.trim(), y: y ?? 0, size });
      text = '';
      y = undefined;
      size = 0;
    }
  }
  if (text.trim() !== '') lines.push({ text: text.trim(), y: y ?? 0, size });

  const gaps = lines.slice(1).map((line, i) => lines[i]!.y - line.y).filter((gap) => gap > 0).sort((a, b) => a - b);
  const sizes = lines.map((line) => line.size).sort((a, b) => a - b);
  const typicalSize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // The lower quartile, capped by the font size: on a page of one-line paragraphs, most gaps are
  // paragraph gaps. Cutting a paragraph too often costs little (passages pack paragraphs again);
  // running two together would hide a heading.
  const quartileGap = gaps[Math.floor(gaps.length / 4)];
  const usualGap = quartileGap === undefined ? undefined : typicalSize > 0 ? Math.min(quartileGap, typicalSize * SINGLE_SPACING) : quartileGap;
  return lines
    .map((line, i) => {
      if (i === 0) return line.text;
      const gap = lines[i - 1]!.y - line.y;
      const newParagraph = usualGap === undefined || gap <= 0 || gap > usualGap * PARAGRAPH_GAP_RATIO;
      return `${newParagraph ? '\n\n' : '\n'}${line.text}`;
    })
    .join('');
}
