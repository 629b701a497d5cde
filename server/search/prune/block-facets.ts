import type { LoadedIndex } from '../../index/loaded-index.ts';
import { getFacetColumns } from '../../facets/facet-columns.ts';
import { FACET_NAMES, type FacetName } from '../../facets/facet-fields.ts';

/** How many passages of each facet value each block holds, as a sparse list per block. */
interface BlockValues {
  /** `starts[b]..starts[b + 1]` are block b's entries. */
  starts: Uint32Array;
  numbers: Uint32Array;
  counts: Uint32Array;
}

export type BlockFacetValues = Record<FacetName, BlockValues>;

const cache = new WeakMap<LoadedIndex, { blockSize: number; values: BlockFacetValues }>();

/**
 * Passages per facet value and block, worked out once per index (one pass over the facet columns):
 * what a block sample covers of each value, to scale counts found in the sample to the archive.
 */
export function getBlockFacetValues(index: LoadedIndex, blockSize: number): BlockFacetValues {
  const cached = cache.get(index);
  if (cached && cached.blockSize === blockSize) return cached.values;
  const columns = getFacetColumns(index);
  const passageCount = index.terms.passageCount;
  const blockCount = Math.ceil(passageCount / blockSize);
  const values = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const { valueOf, values: names } = columns[name];
      const tally = new Uint32Array(names.length);
      const starts = new Uint32Array(blockCount + 1);
      const numbers: number[] = [];
      const counts: number[] = [];
      for (let block = 0; block < blockCount; block += 1) {
        starts[block] = numbers.length;
        const touched: number[] = [];
        for (let passage = block * blockSize; passage < Math.min(passageCount, (block + 1) * blockSize); passage += 1) {
          const number = valueOf[passage]!;
          if (number < 0) continue;
          if (tally[number] === 0) touched.push(number);
          tally[number]! += 1;
        }
        for (const number of touched) {
          numbers.push(number);
          counts.push(tally[number]!);
          tally[number] = 0;
        }
      }
      starts[blockCount] = numbers.length;
      return [name, { starts, numbers: Uint32Array.from(numbers), counts: Uint32Array.from(counts) }];
    }),
  ) as BlockFacetValues;
  cache.set(index, { blockSize, values });
  return values;
}

/** Passages of each value number (of `valueCount`) in the blocks marked 1 in `blocks`. */
export function sumBlockValues({ starts, numbers, counts }: BlockValues, blocks: Uint8Array, valueCount: number): Float64Array {
  const sums = new Float64Array(valueCount);
  for (let block = 0; block < blocks.length; block += 1) {
    if (blocks[block] !== 1) continue;
    for (let at = starts[block]!; at < starts[block + 1]!; at += 1) sums[numbers[at]!]! += counts[at]!;
  }
  return sums;
}

/** Whether a block holds a passage with one of the selected value numbers (`allowed[number] === 1`). */
export function blockHoldsAny({ starts, numbers }: BlockValues, block: number, allowed: Uint8Array): boolean {
  for (let at = starts[block]!; at < starts[block + 1]!; at += 1) if (allowed[numbers[at]!] === 1) return true;
  return false;
}
