import { describe, expect, it } from 'vitest';
import { getIndexFacts } from '../../server/index/index-facts.ts';
import { parseQuery } from '../../server/query/parse-query.ts';
import { executeQuery, prepareQuery, runPreparedInRange, type Match } from '../../server/search/execute-query.ts';
import { seededRandom } from '../tools/bench/query-set.ts';
import { buildMemoryIndex, type FixtureDocument } from '../support/memory-index.ts';

/**
 * An AND whose rarest word is far rarer than the others looks the others up for each of its passages,
 * and a query that is one phrase intersects its words' postings in order (execute-query.ts,
 * `lookUpPostings`), instead of stamping every posting: the matches, their scores to the last bit and
 * their exact clauses must be what stamping every posting gives.
 */
const random = seededRandom(41);
const common = ['state', 'states', 'nation', 'people', 'war', 'of', 'the', 'and', 'law', 'laws'];
const rare = ['zephyr', 'quokka', 'quokkas', 'quokkan', 'marzipan'];
const word = () => (random() < 0.01 ? rare[Math.floor(random() * rare.length)]! : common[Math.floor(random() * random() * common.length)]!);
const sentence = (length: number) => `${Array.from({ length }, word).join(' ')}.`;
const documents: FixtureDocument[] = Array.from({ length: 300 }, (_, at) => ({
  path: `source-${at % 5}/${String(at).padStart(3, '0')}.txt`,
  source: `source-${at % 5}`,
  title: `The ${word()} and the ${word()}`,
  passages: Array.from({ length: 4 }, () => ({ text: sentence(8 + Math.floor(random() * 60)) })),
}));
const index = buildMemoryIndex(documents);
const facts = getIndexFacts(index);

const QUERIES = ['"the of"', '"of the"', '"state of the"', '"the the"', '"laws and"', '"war quokka"', '"nation zephyr the"', 'zephyr state', 'state zephyr', 'the of zephyr', 'quokka', 'quokka laws', 'quokkas nation people', '"of quokka"', '"quokka the"', 'quok war', 'marzipan the -war', 'zephyr quokka the', 'war "the zephyr"', 'zephyr OR marzipan the'];
const listed = (matches: readonly Match[]) => matches.map(({ passage, score, exactClauses, matchedClauses }) => `${passage} ${score} ${exactClauses} ${matchedClauses}`).sort();

describe('an AND of a rare word with common ones, and a phrase', () => {
  it('finds the same passages, scores and exact clauses by looking words up as by stamping every posting', () => {
    const differing: string[] = [];
    let found = 0;
    for (const q of QUERIES) {
      const tree = parseQuery(q);
      const lookedUp = listed(executeQuery(index, facts, tree).matches);
      const read = listed(executeQuery(index, facts, tree, { lookUpPostings: false }).matches);
      if (lookedUp.join() !== read.join()) differing.push(q);
      found += read.length;
      // And within a range of passages, as the pruned search reads them.
      const range = { from: 200, to: 900 };
      const inRange = listed(runPreparedInRange(prepareQuery(index, facts, tree), range));
      if (inRange.join() !== listed(runPreparedInRange(prepareQuery(index, facts, tree, { lookUpPostings: false }), range)).join()) differing.push(`${q} in a range`);
    }
    expect(differing).toEqual([]);
    expect(found).toBeGreaterThan(100);
  });
});
