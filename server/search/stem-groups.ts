import { addToStemGroup, findOtherForms, findRelatedWords, stemLanguageOf, type StemGroups } from '../../indexer/analyzer/index.ts';
import { termLanguages } from '../../indexer/index/term-languages.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { runAllSteps, runStepsInSlices, type WorkSlices, type WorkSteps } from '../index/work-slices.ts';
import { termsStartingWith } from './term-lookup.ts';

/** The index's terms grouped by stem, per language the index holds. */
const cache = new WeakMap<LoadedIndex, StemGroups>();

function groupsOf(index: LoadedIndex): StemGroups {
  const cached = cache.get(index);
  if (cached) return cached;
  return runAllSteps(buildGroupsInSteps(index));
}

/** Terms stemmed between two pauses of `prepareStemGroups`. */
const TERMS_PER_STEP = 2000;

/** Builds and keeps the groups, yielding every TERMS_PER_STEP terms. */
function* buildGroupsInSteps(index: LoadedIndex): WorkSteps<StemGroups> {
  const { languagesOf } = termLanguages(
    index.terms,
    index.entries.map((entry) => stemLanguageOf(entry.document.lang)),
  );
  const groups: StemGroups = new Map();
  const { terms } = index.terms;
  for (let termId = 0; termId < terms.length; termId += 1) {
    // One language: every term is in it. Several: a term is stemmed in each language of the passages holding it.
    for (const lang of languagesOf(termId)) addToStemGroup(groups, lang, terms[termId]!);
    if ((termId + 1) % TERMS_PER_STEP === 0) yield;
  }
  cache.set(index, groups);
  return groups;
}

/**
 * Builds the index's stem groups before it is served, pausing between steps: stemming a vocabulary of
 * 30,000 words takes 60 ms, which in one piece would hold up every request during an index swap.
 */
export async function prepareStemGroups(index: LoadedIndex, slices: WorkSlices): Promise<void> {
  if (!cache.has(index)) await runStepsInSlices(buildGroupsInSteps(index), slices);
}

/**
 * The other forms of a query term in the index: every index term with the same stem as the term that
 * is a form of the same word (`isFormOf`: not `generous` for `general`), in any language the index
 * holds (the query is stemmed as English, French and Dutch when the archive has documents in each).
 * `negotiations` finds `negotiate` and `negotiating`; `cooperation`, `coopérer`.
 */
export function findStemVariants(index: LoadedIndex, term: string): string[] {
  return findOtherForms(groupsOf(index), term);
}

/** The index terms of the term's English word family that are not its forms (`findRelatedWords`): ranking evidence, never a match. */
export function findStemRelatives(index: LoadedIndex, term: string): string[] {
  return findRelatedWords(groupsOf(index), term);
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
