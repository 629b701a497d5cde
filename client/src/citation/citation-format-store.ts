import { createLocalStore, useLocalStore } from '../storage/local-store.ts';
import { CITATION_FORMATS, type CitationFormat } from './citation-formats.ts';

/** The format the user last copied in; every Copy uses it until they pick another. */
export const citationFormatStore = createLocalStore<CitationFormat>('passim.citation-format', (stored) =>
  CITATION_FORMATS.some(({ format }) => format === stored) ? (stored as CitationFormat) : 'text',
);

export function useCitationFormat(): CitationFormat {
  return useLocalStore(citationFormatStore);
}
