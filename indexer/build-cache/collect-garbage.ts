import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now. A large build lets go of hundreds of MB at once (the analyses
 * once the index is written out, the documents once serialized); V8 would collect them only after
 * the next big allocations, so they would add up to the build's peak memory instead of replacing each other.
 */
let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
