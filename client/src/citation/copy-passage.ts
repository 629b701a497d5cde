import { getCitation } from '../api/citation.ts';
import type { CitationFormat } from './citation-formats.ts';
import { citationFormatStore } from './citation-format-store.ts';
import { copyText } from './copy-status.ts';

/**
 * Copies a passage (or `quote`, words selected in it) with its citation in `format` (default: the
 * remembered one), as the server formats it, and remembers the format. `target` names the status line
 * that reports the outcome (default: the passage's).
 */
export function copyPassage(passage: { id: string }, format: CitationFormat = citationFormatStore.get(), quote?: string, target = passage.id): Promise<boolean> {
  if (format !== citationFormatStore.get()) citationFormatStore.set(format);
  return copyText(target, getCitation(passage.id, format, quote).then((cited) => cited.text), quote === undefined ? 'Copied' : 'Copied the selection');
}

/** Asks for the citation Copy would put on the clipboard, so that it is there when the button is pressed. */
export function prepareCopy(passage: { id: string }): void {
  getCitation(passage.id, citationFormatStore.get()).catch(() => {});
}
