import MiniSearch from 'minisearch';
import type { BenchPassage, BenchQuery } from './query-set.ts';
import type { EngineFigures } from './engine-figures.ts';
import { timeQueries } from './time-queries.ts';

/**
 * Raw MiniSearch as most projects use it: default tokenizer and term processing, one text field,
 * `prefix: true, fuzzy: 0.2`, default OR. Phrases are searched as their words (it has no phrases).
 */
export function benchRawMiniSearch(passages: BenchPassage[], queries: BenchQuery[]): EngineFigures {
  const documents = passages.map((passage, id) => ({ id, text: passage.text, source: passage.source }));
  const buildStart = performance.now();
  const index = new MiniSearch({ fields: ['text'], storeFields: ['source'] });
  index.addAll(documents);
  const buildSeconds = (performance.now() - buildStart) / 1000;

  const json = JSON.stringify(index);
  const loadStart = performance.now();
  const loaded = MiniSearch.loadJSON(json, { fields: ['text'], storeFields: ['source'] });
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const latency = timeQueries(queries, (query) => {
    const results = loaded.search(query.words.join(' '), {
      prefix: true,
      fuzzy: 0.2,
      ...(query.source === undefined ? {} : { filter: (result) => result.source === query.source }),
    });
    return results.length;
  });
  return { buildSeconds, indexBytes: Buffer.byteLength(json), loadSeconds, latency };
}
