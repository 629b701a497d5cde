import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { getSavedExpanded, saveExpanded } from './history-store.ts';

/**
 * Which documents' further hits are expanded in the results view `viewKey`. Kept in
 * the history entry, so coming back from the reader shows the list as it was left.
 * The toggle is the same function for the life of the view's component, so the hit
 * groups it is passed to need not re-render.
 */
export function useExpandedGroups(viewKey: string): [string[], (docId: string) => void] {
  const [state, setState] = useState(() => ({ viewKey, expanded: getSavedExpanded() }));
  let current = state;
  if (state.viewKey !== viewKey) {
    // Another view (a new query, back/forward): read what its entry remembers.
    current = { viewKey, expanded: getSavedExpanded() };
    setState(current);
  }
  const latest = useRef(current);
  useLayoutEffect(() => {
    latest.current = current;
  });

  const toggle = useCallback((docId: string) => {
    const { viewKey, expanded } = latest.current;
    const next = expanded.includes(docId) ? expanded.filter((other) => other !== docId) : [...expanded, docId];
    saveExpanded(next);
    latest.current = { viewKey, expanded: next };
    setState(latest.current);
  }, []);

  return [current.expanded, toggle];
}
