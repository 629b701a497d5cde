import SearchableMap from 'minisearch/SearchableMap';
import { addToStemGroup, findOtherForms, type StemGroups } from '../../../indexer/analyzer/index.ts';
import { firstAtOrAfter } from '../../search/term-lookup.ts';
import type { Vocabulary } from '../../suggest/build-vocabulary.ts';

/** One term of the archive as the terms index holds it (one OpenSearch document per term). */
export interface VocabularyTerm {
  term: string;
  /** How the term is most often written in the corpus (`Wilmès` for `wilmes`). */
  form: string;
  /** Passages (and titles) holding it: the term index's `countTermPostings`. */
  passages: number;
  /** Stem languages of the passages holding it (`stemLanguageOf`). */
  langs: string[];
}

/**
 * The archive's vocabulary, held by the server beside an OpenSearch cluster: what the term index's
 * vocabulary, term table and stem groups give its searches (completions by frequency, near
 * spellings, other forms of a word, did-you-mean), so a query widens to the same index terms on
 * either engine. One entry per distinct word: it grows with the archive's vocabulary, not its size.
 */
export interface ArchiveVocabulary {
  /** The radix tree `suggestCorrection` and completions walk. */
  tree: Vocabulary;
  /** Every term, sorted by code unit: a prefix is one range. */
  sorted: string[];
  passagesOf: Map<string, number>;
  /** language -> stem -> terms with that stem in that language's passages. */
  stems: StemGroups;
}

export function buildArchiveVocabulary(terms: Iterable<VocabularyTerm>): ArchiveVocabulary {
  const tree: Vocabulary = new SearchableMap();
  const passagesOf = new Map<string, number>();
  const stems: StemGroups = new Map();
  for (const { term, form, passages, langs } of terms) {
    tree.set(term, { passages, form });
    passagesOf.set(term, passages);
    for (const lang of langs) addToStemGroup(stems, lang, term);
  }
  const sorted = [...passagesOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { tree, sorted, passagesOf, stems };
}

/** Terms starting with `prefix` (itself included), in order. */
export function* vocabularyTermsStartingWith(vocabulary: ArchiveVocabulary, prefix: string): Generator<string> {
  const { sorted } = vocabulary;
  for (let at = firstAtOrAfter(sorted, prefix); at < sorted.length && sorted[at]!.startsWith(prefix); at += 1) yield sorted[at]!;
}

/** The other forms of a term: `findStemVariants` and `findNumberedForms` over the vocabulary. */
export function vocabularyForms(vocabulary: ArchiveVocabulary, term: string): string[] {
  const numbered: string[] = [];
  if (/^\p{L}+$/u.test(term)) for (const found of vocabularyTermsStartingWith(vocabulary, term)) if (/^\p{N}+$/u.test(found.slice(term.length))) numbered.push(found);
  return [...findOtherForms(vocabulary.stems, term), ...numbered];
}

/** `archiveHolds` over the vocabulary: the word as written, in another form, or (a prefix) as the start of a word. */
export function vocabularyHolds(vocabulary: ArchiveVocabulary, node: { term: string; prefix: boolean; variants?: string[] }): boolean {
  if (vocabulary.passagesOf.has(node.term) || (node.variants?.length ?? 0) > 0) return true;
  if (!node.prefix) return false;
  for (const _ of vocabularyTermsStartingWith(vocabulary, node.term)) return true;
  return false;
}
