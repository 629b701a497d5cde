import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from '../../server/search/select-top.ts';

describe('selectTop', () => {
  it('gives the positions of the best items, best first, in the order a full sort gives them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.nat({ max: 40 }), (items, count) => {
        // Ties broken by position, as the ranking breaks them by corpus order: one right answer.
        const compare = (a: number, b: number) => items[a]! - items[b]! || a - b;
        const sorted = items.map((_, at) => at).sort(compare);
        expect(selectTop(items.length, count, compare)).toEqual(sorted.slice(0, count));
      }),
      { numRuns: 500 },
    );
  });
});
