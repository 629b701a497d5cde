import type { PassageRef } from '../../../server/api/types.ts';

export type DocumentPart =
  | { kind: 'passage'; passage: PassageRef; text: string }
  /** Text between passages (headings, boilerplate the chunker skipped), shown so nothing is hidden. */
  | { kind: 'gap'; start: number; text: string };

/** The document text cut at passage boundaries, in reading order; blank gaps are dropped. */
export function splitDocument(text: string, passages: PassageRef[]): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let cursor = 0;
  for (const passage of [...passages].sort((a, b) => a.start - b.start)) {
    if (passage.start > cursor) pushGap(parts, text, cursor, passage.start);
    parts.push({ kind: 'passage', passage, text: text.slice(passage.start, passage.end) });
    cursor = Math.max(cursor, passage.end);
  }
  if (cursor < text.length) pushGap(parts, text, cursor, text.length);
  return parts;
}

function pushGap(parts: DocumentPart[], text: string, start: number, end: number): void {
  const gap = text.slice(start, end);
  const trimmed = gap.trim();
  // `start` is where the trimmed text begins, so highlight offsets line up with it.
  if (trimmed !== '') parts.push({ kind: 'gap', start: start + gap.indexOf(trimmed), text: trimmed });
}
