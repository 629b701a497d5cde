import type { CitationExportFormat } from '../api/types.ts';
import { exportBibtex, exportCsv, exportRis, type ExportEntry } from './export-references.ts';
import { formatCitation } from './format-citation.ts';

const FILE_TYPES: Record<CitationExportFormat, { mediaType: string; extension: string }> = {
  apa: { mediaType: 'text/plain', extension: 'txt' },
  chicago: { mediaType: 'text/plain', extension: 'txt' },
  mla: { mediaType: 'text/plain', extension: 'txt' },
  text: { mediaType: 'text/plain', extension: 'txt' },
  markdown: { mediaType: 'text/markdown', extension: 'md' },
  bibtex: { mediaType: 'application/x-bibtex', extension: 'bib' },
  ris: { mediaType: 'application/x-research-info-systems', extension: 'ris' },
  csv: { mediaType: 'text/csv', extension: 'csv' },
};

/**
 * Collected passages in one text, in the order given, each with the user's note: what the tray copies
 * or downloads. In APA, Chicago and MLA the quotations come first and the references follow once each,
 * sorted, as a reference list does; Markdown is a document of the collection.
 */
export async function citeCollection(entries: readonly ExportEntry[], format: CitationExportFormat, today: Date): Promise<{ text: string; mediaType: string; extension: string }> {
  return { text: await formatCollection(entries, format, today), ...FILE_TYPES[format] };
}

async function formatCollection(entries: readonly ExportEntry[], format: CitationExportFormat, today: Date): Promise<string> {
  switch (format) {
    case 'bibtex':
      return exportBibtex(entries, today);
    case 'ris':
      return exportRis(entries, today);
    case 'csv':
      return exportCsv(entries);
    case 'text':
      return (await Promise.all(entries.map(async ({ facts, note }) => withNote((await formatCitation(facts, 'text', today)).text, note, 'Note: ')))).join('\n\n');
    case 'markdown': {
      const parts = await Promise.all(entries.map(async ({ facts, note }) => withNote((await formatCitation(facts, 'markdown', today)).text, note, '**Note:** ')));
      return `# Passages collected in Passim\n\n${parts.join('\n\n---\n\n')}\n`;
    }
    default: {
      const cited = await Promise.all(entries.map(async ({ facts, note }) => ({ note, ...(await formatCitation(facts, format, today)) })));
      const quotes = cited.map(({ text, reference, note }) => withNote(text.slice(0, text.length - reference.length).trimEnd(), note, 'Note: '));
      const references = [...new Set(cited.map(({ reference }) => reference))].sort((a, b) => a.localeCompare(b));
      const heading = format === 'mla' ? 'Works Cited' : 'References';
      return `${quotes.join('\n\n')}\n\n${heading}\n\n${references.join('\n')}\n`;
    }
  }
}

function withNote(citation: string, note: string, prefix: string): string {
  return note.trim() === '' ? citation : `${citation}\n\n${prefix}${note.trim()}`;
}
