import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from '../../server/search/select-top.ts';

describe('selectTop', () => {
  it('puts the best items first, in order, and keeps every item', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.nat({ max: 40 }), (items, count) => {
        const compare = (a: number, b: number) => a - b;
        const sorted = [...items].sort(compare);
        const selected = selectTop([...items], count, compare);
        expect(selected.slice(0, count)).toEqual(sorted.slice(0, count));
        expect([...selected].sort(compare)).toEqual(sorted);
      }),
      { numRuns: 500 },
    );
  });
});
