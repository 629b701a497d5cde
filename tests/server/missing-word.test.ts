import { describe, expect, it } from 'vitest';
import { runSearch } from '../../server/search/run-search.ts';
import { buildMemoryIndex, type FixtureDocument } from '../support/memory-index.ts';

const doc = (path: string, ...texts: string[]): FixtureDocument => ({ path, title: path, source: 'test', passages: texts.map((text) => ({ text })) });

describe('a query of three words or more', () => {
  // "zephyr" is rare, "harbour" and "lantern" are common: whichever word a passage misses, it is found.
  const index = buildMemoryIndex([
    doc('all', 'The zephyr crossed the harbour under a lantern.'),
    doc('no-rare', 'A lantern by the harbour.', 'The harbour lantern again.', 'Harbour and lantern once more.'),
    doc('no-common', 'A zephyr over the harbour.', 'A zephyr and a lantern.'),
    doc('one-word', 'The harbour alone.', 'A lantern alone.', 'Only a zephyr.'),
  ]);
  const search = (q: string) => runSearch(index, { q, sources: [], page: 1, limit: 50 });

  it('also returns the passages missing one of them, after those holding them all, and never those holding one', () => {
    const body = search('zephyr harbour lantern ');
    expect(body.interpretation?.matchMode).toBe('all');
    expect(body.total).toBe(6);
    expect(body.hits[0]!.text).toBe('The zephyr crossed the harbour under a lantern.');
    expect(body.hits.map((hit) => hit.text).sort()).toEqual(
      ['The zephyr crossed the harbour under a lantern.', 'A lantern by the harbour.', 'The harbour lantern again.', 'Harbour and lantern once more.', 'A zephyr over the harbour.', 'A zephyr and a lantern.'].sort(),
    );
  });

  it('finds the same passages whatever the order of the words', () => {
    const texts = (q: string) => search(q).hits.map((hit) => hit.text).sort();
    expect(texts('lantern harbour zephyr ')).toEqual(texts('zephyr harbour lantern '));
    expect(texts('harbour zephyr lantern ')).toEqual(texts('zephyr harbour lantern '));
  });
});
