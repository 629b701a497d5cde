import { useSyncExternalStore } from 'react';

/**
 * The result count on screen ("24 passages in 3 documents"), for the completions list: it opens over
 * the results, so it repeats the count at its foot and the count is never hidden while one types.
 */
let count = '';
const listeners = new Set<() => void>();

export function publishResultCount(text: string): void {
  if (text === count) return;
  count = text;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useResultCount(): string {
  return useSyncExternalStore(subscribe, () => count);
}
