import { useCallback, useSyncExternalStore } from 'react';
import { getLocationSearch, navigate, subscribeToHistory } from './history-store.ts';
import { formatUrlSearch, keepUnchangedParts, parseUrlState, type UrlState } from './url-state.ts';

export type UpdateUrlState = (next: Partial<UrlState>, kind: 'push' | 'replace') => void;

/**
 * The view state held in the URL, and a setter that merges a change into it.
 * `push` makes a history entry (a new view); `replace` edits the current one (typing).
 */
export function useUrlState(): [UrlState, UpdateUrlState] {
  const state = useSyncExternalStore(subscribeToHistory, readUrlState);

  const update = useCallback<UpdateUrlState>((next, kind) => {
    // Read the live URL, not a render's snapshot, so quick successive updates compose.
    const current = parseUrlState(getLocationSearch());
    navigate(formatUrlSearch({ ...current, ...next }), kind);
  }, []);

  return [state, update];
}

let lastSearch: string | undefined;
let lastState: UrlState | undefined;

/** The URL's state, one object per address; filters that did not change keep their identity. */
function readUrlState(): UrlState {
  const search = getLocationSearch();
  if (search !== lastSearch || !lastState) {
    lastState = keepUnchangedParts(lastState, parseUrlState(search));
    lastSearch = search;
  }
  return lastState;
}
