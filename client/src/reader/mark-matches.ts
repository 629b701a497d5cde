import type { HighlightRange } from '../../../server/api/types.ts';

/** A piece of document text; `match` is set on the words the query matched. */
export interface TextRun {
  text: string;
  /** Position of the match among all matches of the document, and the query term it matched. */
  match?: { index: number; term: string };
}

export interface Paragraph {
  /** Offset of the paragraph in the document text. */
  start: number;
  runs: TextRun[];
}

/**
 * Cuts `text` (found at `offset` in the document) into paragraphs at blank lines, and
 * each paragraph into runs with the highlighted words marked. Highlights are document
 * offsets, in order, as `GET /api/documents/:id?q=` sends them; a highlight that
 * crosses a paragraph break is marked on each side.
 */
export function markMatches(text: string, offset: number, highlights: readonly HighlightRange[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const breaks = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (;;) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    const paragraph = text.slice(start, end);
    if (paragraph.trim() !== '') paragraphs.push({ start: offset + start, runs: markRuns(paragraph, offset + start, highlights) });
    if (!found) break;
    start = found.index + found[0].length;
  }
  return paragraphs;
}

function markRuns(text: string, offset: number, highlights: readonly HighlightRange[]): TextRun[] {
  const runs: TextRun[] = [];
  const end = offset + text.length;
  let cursor = offset;
  highlights.forEach((highlight, index) => {
    const from = Math.max(highlight.start, cursor);
    const to = Math.min(highlight.end, end);
    if (from >= to) return;
    if (from > cursor) runs.push({ text: text.slice(cursor - offset, from - offset) });
    runs.push({ text: text.slice(from - offset, to - offset), match: { index, term: highlight.term } });
    cursor = to;
  });
  if (cursor < end) runs.push({ text: text.slice(cursor - offset) });
  return runs;
}
