import { describe, expect, it } from 'vitest';
import { heapGrowthFlag, HEAP_GROWTH_PERCENT } from '../../server/cli/limit-heap-growth.ts';

describe("the server's heap growth", () => {
  it('is limited to the set percentage past the live heap, unless node was started with its own', () => {
    expect(heapGrowthFlag(['--import', 'tsx'])).toBe(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
    expect(heapGrowthFlag([], 50)).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag(['--heap-growing-percent=300'])).toBeUndefined();
    expect(heapGrowthFlag(['--heap_growing_percent=300'])).toBeUndefined();
  });
});
