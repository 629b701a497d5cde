import type { PassageEntry } from '../index/loaded-index.ts';

export type FacetName = 'source' | 'speaker' | 'lang' | 'year';

export const FACET_NAMES: readonly FacetName[] = ['source', 'speaker', 'lang', 'year'];

/** The value a passage has for a facet, or undefined when its document does not say. */
export function facetValueOf(name: FacetName, { document, passage }: PassageEntry): string | undefined {
  switch (name) {
    case 'source':
      return document.source;
    case 'speaker':
      return passage.speaker;
    case 'lang':
      return document.lang?.toLowerCase();
    case 'year':
      return document.date?.slice(0, 4);
  }
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** What the client shows for a facet value: the source's catalog name, the language's English name. */
export function facetLabel(name: FacetName, value: string, sourceNames: ReadonlyMap<string, string>): string {
  if (name === 'source') return sourceNames.get(value) ?? value;
  if (name === 'lang') {
    try {
      return languageNames.of(value) ?? value;
    } catch {
      return value;
    }
  }
  return value;
}
