import { useState } from 'react';
import { getSavedExpanded, saveExpanded } from './history-store.ts';

/**
 * Which documents' further hits are expanded in the results view `viewKey`. Kept in
 * the history entry, so coming back from the reader shows the list as it was left.
 */
export function useExpandedGroups(viewKey: string): [string[], (docId: string) => void] {
  const [state, setState] = useState(() => ({ viewKey, expanded: getSavedExpanded() }));
  let current = state;
  if (state.viewKey !== viewKey) {
    // Another view (a new query, back/forward): read what its entry remembers.
    current = { viewKey, expanded: getSavedExpanded() };
    setState(current);
  }

  function toggle(docId: string) {
    const expanded = current.expanded.includes(docId)
      ? current.expanded.filter((other) => other !== docId)
      : [...current.expanded, docId];
    saveExpanded(expanded);
    setState({ viewKey, expanded });
  }

  return [current.expanded, toggle];
}
