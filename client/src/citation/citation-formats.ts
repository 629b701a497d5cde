import type { CitationStyle } from '../../../server/api/types.ts';

export type CitationFormat = CitationStyle;

/** Each citation style with its name in a sentence ("Copy as APA 7") and on the narrow format button. The server formats them. */
export const CITATION_FORMATS: readonly { format: CitationFormat; label: string; short: string }[] = [
  { format: 'text', label: 'plain text', short: 'Text' },
  { format: 'markdown', label: 'Markdown', short: 'MD' },
  { format: 'apa', label: 'APA 7', short: 'APA' },
  { format: 'chicago', label: 'Chicago (author-date)', short: 'Chicago' },
  { format: 'mla', label: 'MLA 9', short: 'MLA' },
];
