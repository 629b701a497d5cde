import { loadIndex, type LoadIndexOptions } from './index/load-index.ts';
import type { LoadedIndex } from './index/loaded-index.ts';
import { sliceWork } from './index/work-slices.ts';
import { warmIndex } from './search/warm-index.ts';

/**
 * Loads an index to serve: `loadIndex`, then the warm-up of search (server/search/warm-index.ts),
 * both in slices that let requests on the served index through. Loading sits below search and
 * warming above it, so they meet here rather than the loader importing the search it warms.
 */
export async function loadServedIndex(indexDir: string, options: LoadIndexOptions = {}): Promise<LoadedIndex> {
  const index = await loadIndex(indexDir, options);
  await warmIndex(index, options.workSlices ?? sliceWork(options.slices));
  return index;
}
