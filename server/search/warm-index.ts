import { countTermPostings, TERM_INDEX_FIELDS } from '../../indexer/index/term-index.ts';
import { prepareFacetColumns } from '../facets/facet-columns.ts';
import { prepareIndexFacts } from '../index/index-facts.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import type { WorkSlices } from '../index/work-slices.ts';
import { prepareScratch } from './execute-query.ts';
import { documentsOf } from './rank-matches.ts';
import { runSearch } from './run-search.ts';
import { firstPassageFlags, listFrequentTerms, termBlockBounds } from './prune/block-bounds.ts';
import { DEFAULT_BM25_OPTIONS, lengthNormsOf } from './read-postings.ts';
import { prepareStemGroups } from './stem-groups.ts';
import { findTermId } from './term-lookup.ts';

/**
 * Builds, before an index is served, the structures that searches build on first use (facts, stem
 * groups, facet columns, scratch arrays and match objects, the term table, the most frequent words'
 * block bounds), in slices with the event loop let through between them: otherwise the first request after a
 * swap would build them all at once and stall every request behind it.
 */
export async function warmIndex(index: LoadedIndex, slices: WorkSlices): Promise<void> {
  await prepareIndexFacts(index, slices);
  await prepareStemGroups(index, slices);
  await prepareFacetColumns(index, slices);
  await prepareScratch(index, slices);
  const steps = [
    () => findTermId(index, 'prepare'),
    // Per-passage arrays every scored search and every block bound reads, each built in a slice of its own.
    () => lengthNormsOf(index, DEFAULT_BM25_OPTIONS),
    () => firstPassageFlags(index),
    () => documentsOf(index),
    // Whatever else a search builds on first use, with the above in place: a search for the rarest
    // word, written out (a trailing space), so that the search itself costs next to nothing.
    () => runSearch(index, { q: `${findRarestTerm(index) ?? ''} `, sources: [], page: 1, limit: 1 }),
  ];
  for (const step of steps) {
    await slices.pause();
    step();
  }
  // The most frequent words' block bounds, which their first pruned query would otherwise work out.
  await slices.pause();
  for (const termId of listFrequentTerms(index)) {
    for (const field of TERM_INDEX_FIELDS) termBlockBounds(index, termId, field);
    if (slices.due()) await slices.pause();
  }
}

function findRarestTerm(index: LoadedIndex): string | undefined {
  let rarest: number | undefined;
  let fewest = Infinity;
  for (let termId = 0; termId < index.terms.terms.length; termId += 1) {
    const count = countTermPostings(index.terms, termId);
    if (count > 0 && count < fewest) [rarest, fewest] = [termId, count];
  }
  return rarest === undefined ? undefined : index.terms.terms[rarest];
}
