import { isFormOf, stemLanguageOf, stemTerm } from '../../indexer/analyzer/index.ts';
import { termLanguages } from '../../indexer/index/term-languages.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { termsStartingWith } from './term-lookup.ts';

/** The index's terms grouped by stem, per language the index holds. */
interface StemGroups {
  languages: string[];
  /** language -> stem -> the index terms with that stem in documents of that language. */
  groups: Map<string, Map<string, string[]>>;
}

const cache = new WeakMap<LoadedIndex, StemGroups>();

function groupsOf(index: LoadedIndex): StemGroups {
  let cached = cache.get(index);
  if (cached) return cached;
  const { languages, languagesOf } = termLanguages(
    index.terms,
    index.entries.map((entry) => stemLanguageOf(entry.document.lang)),
  );
  const groups = new Map(languages.map((lang) => [lang, new Map<string, string[]>()]));
  index.terms.terms.forEach((term, termId) => {
    // One language: every term is in it. Several: a term is stemmed in each language of the passages holding it.
    for (const lang of languagesOf(termId)) {
      const byStem = groups.get(lang)!;
      const stem = stemTerm(term, lang);
      const group = byStem.get(stem);
      if (group) group.push(term);
      else byStem.set(stem, [term]);
    }
  });
  cached = { languages, groups };
  cache.set(index, cached);
  return cached;
}

/**
 * The other forms of a query term in the index: every index term with the same stem as the term that
 * is a form of the same word (`isFormOf`: not `generous` for `general`), in any language the index
 * holds (the query is stemmed as English, French and Dutch when the archive has documents in each).
 * `negotiations` finds `negotiate` and `negotiating`; `cooperation`, `coopérer`.
 */
export function findStemVariants(index: LoadedIndex, term: string): string[] {
  const { languages, groups } = groupsOf(index);
  const variants = new Set<string>();
  for (const lang of languages) for (const variant of groups.get(lang)!.get(stemTerm(term, lang)) ?? []) if (variant !== term && isFormOf(term, variant, lang)) variants.add(variant);
  return [...variants].sort();
}

/**
 * Index terms that are the term followed by digits (`covid19` for `covid`): the same name with its
 * number written on, as `COVID-19` is read `covid` and `19`.
 */
export function findNumberedForms(index: LoadedIndex, term: string): string[] {
  if (!/^\p{L}+$/u.test(term)) return [];
  const { terms } = index.terms;
  const found: string[] = [];
  for (const id of termsStartingWith(index, term)) if (/^\p{N}+$/u.test(terms[id]!.slice(term.length))) found.push(terms[id]!);
  return found;
}
