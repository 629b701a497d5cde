/**
 * `npx tsx tests/tools/eval/rare-neighbours.ts --index data/sotu-index`: the words an index holds in
 * one or two passages whose most frequent near spelling (within the typo budget) is in at least 100
 * times as many, by ratio. The data behind "typos only for words the archive does not hold"
 * (docs/search.md): read the lists and count the real words against the archive's own slips.
 */
import { parseArgs } from 'node:util';
import { getIndexFacts } from '../../../server/index/index-facts.ts';
import { loadIndex } from '../../../server/index/load-index.ts';
import { typoBudget } from '../../../server/query/typo-budget.ts';
import { findStemVariants } from '../../../server/search/stem-groups.ts';

const { values } = parseArgs({ options: { index: { type: 'string', default: 'data/sotu-index' } } });
const index = await loadIndex(values.index);
const { vocabulary } = getIndexFacts(index);
const passagesOf = (term: string) => vocabulary.get(term)?.passages ?? 0;
/** Passages holding the term or another form of it (an upper bound: a passage may hold two forms). */
const held = (term: string) => passagesOf(term) + findStemVariants(index, term).reduce((sum, form) => sum + passagesOf(form), 0);

function commonestNeighbour(term: string): { term: string; passages: number } | undefined {
  const budget = typoBudget(term);
  let best: { term: string; passages: number } | undefined;
  if (budget === 0) return undefined;
  for (const [near, [entry, distance]] of vocabulary.fuzzyGet(term, budget)) if (distance > 0 && (!best || entry.passages > best.passages)) best = { term: near, passages: entry.passages };
  return best;
}

const buckets = new Map<string, string[]>();
for (const [term] of vocabulary) {
  if (/\p{N}/u.test(term)) continue;
  const own = held(term);
  if (own > 2) continue;
  const near = commonestNeighbour(term);
  const ratio = near ? near.passages / own : 0;
  if (!near || ratio < 100) continue;
  const key = `held in ${own} passage${own === 1 ? '' : 's'}, neighbour ${ratio >= 1000 ? '1000x or more' : ratio >= 300 ? '300-999x' : '100-299x'}`;
  buckets.set(key, [...(buckets.get(key) ?? []), `${term}/${near.term} (${near.passages})`]);
}
for (const [key, words] of [...buckets].sort()) console.log(`${key}: ${words.length}\n  ${words.join(', ')}\n`);
