import type { CitablePassage } from './citable-passage.ts';
import { citationFormatStore } from './citation-format-store.ts';
import { formatCitation, type CitationFormat } from './format-citation.ts';
import { copyText } from './copy-status.ts';

/** Copies a passage with its citation in `format` (default: the remembered one) and remembers the format. */
export function copyPassage(passage: CitablePassage, format: CitationFormat = citationFormatStore.get()): Promise<boolean> {
  if (format !== citationFormatStore.get()) citationFormatStore.set(format);
  return copyText(passage.id, formatCitation(passage, window.location.origin, format), 'Copied');
}
