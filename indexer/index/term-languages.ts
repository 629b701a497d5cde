import { TERM_INDEX_FIELDS, type TermIndex } from './term-index.ts';

export interface TermLanguages {
  /** The stem languages of the index's passages, sorted. */
  languages: string[];
  /** The stem languages a term is stemmed in: every language of a one-language index; else those of the passages holding it. */
  languagesOf: (termId: number) => readonly string[];
}

/**
 * Which stem languages each term of an index belongs to, from the stem language of each passage
 * (`stemLanguageOf` of its document's language, in passage order). The server groups terms by stem
 * in these languages; the OpenSearch vocabulary carries them for the same grouping.
 */
export function termLanguages(terms: TermIndex, passageLanguages: readonly (string | undefined)[]): TermLanguages {
  const languages = [...new Set(passageLanguages)].filter((lang): lang is string => lang !== undefined).sort();
  if (languages.length <= 1) return { languages, languagesOf: () => languages };
  return {
    languages,
    languagesOf(termId) {
      const found = new Set<string>();
      for (const field of TERM_INDEX_FIELDS) {
        const { offsets, passages } = terms.fields[field];
        for (let at = offsets[termId]!; at < offsets[termId + 1]!; at += 1) {
          const lang = passageLanguages[passages[at]!];
          if (lang !== undefined) found.add(lang);
        }
      }
      return [...found].sort();
    },
  };
}
