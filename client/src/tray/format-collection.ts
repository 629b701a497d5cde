import {
  formatApaQuote,
  formatApaReference,
  formatMarkdownCitation,
  formatPlainCitation,
  type CitationFormat,
} from '../citation/format-citation.ts';
import type { TrayItem } from './tray-store.ts';

/**
 * Every collected passage in one text, in the tray's order, each with the user's note:
 * what "Copy all" puts on the clipboard. In APA style the quotations come first and the
 * references follow once each, sorted, as a reference list does.
 */
export function formatCollection(items: TrayItem[], origin: string, format: CitationFormat): string {
  switch (format) {
    case 'text':
      return items.map((item) => withNote(formatPlainCitation(item, origin), item.note, 'Note: ')).join('\n\n');
    case 'markdown':
      return formatCollectionMarkdown(items, origin);
    case 'apa': {
      const quotes = items.map((item) => withNote(formatApaQuote(item), item.note, 'Note: '));
      const references = [...new Set(items.map((item) => formatApaReference(item, origin)))].sort((a, b) => a.localeCompare(b));
      return `${quotes.join('\n\n')}\n\nReferences\n\n${references.join('\n')}`;
    }
  }
}

/** A Markdown document of the collection, for "Copy all" in Markdown and the .md download. */
export function formatCollectionMarkdown(items: TrayItem[], origin: string): string {
  const entries = items.map((item) => withNote(formatMarkdownCitation(item, origin), item.note, '**Note:** '));
  return `# Passages collected in Passim\n\n${entries.join('\n\n---\n\n')}\n`;
}

function withNote(citation: string, note: string, prefix: string): string {
  return note.trim() === '' ? citation : `${citation}\n\n${prefix}${note.trim()}`;
}
