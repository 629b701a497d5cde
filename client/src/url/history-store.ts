/**
 * The browser history as a store React can subscribe to. pushState and replaceState
 * fire no event, so navigations made here notify subscribers themselves.
 */

export type NavigationKind = 'push' | 'replace' | 'pop';

/** What history.state holds for an entry of ours. */
interface EntryState {
  /** Window scroll position when the user left this entry, restored on back/forward. */
  scrollY?: number;
  /** The search of the entry this one was pushed from, so "back" can be a real history step. */
  cameFrom?: string;
  /** Documents whose further hits the user expanded, shown again on back/forward. */
  expanded?: string[];
  /** `data-focus-key` of the element that had focus when the user left, focused again on back. */
  focusKey?: string;
}

const listeners = new Set<() => void>();
let lastNavigation: NavigationKind = 'pop';

export function subscribeToHistory(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', handlePopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', handlePopState);
  };
}

export function getLocationSearch(): string {
  return window.location.search;
}

/** How the current entry was reached, so views know whether to restore a scroll position. */
export function getLastNavigation(): NavigationKind {
  return lastNavigation;
}

export function getSavedScrollY(): number | undefined {
  return readEntryState().scrollY;
}

/**
 * Goes to `search` by stepping back when the previous entry is that very view
 * (keeps the history short and restores the scroll position), else pushes it.
 */
export function navigateBackTo(search: string): void {
  if (readEntryState().cameFrom === search) window.history.back();
  else navigate(search, 'push');
}

function readEntryState(): EntryState {
  // history.state may hold anything (another script, an older version of the app).
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null) return {};
  const entry: EntryState = {};
  if ('scrollY' in state && typeof state.scrollY === 'number') entry.scrollY = state.scrollY;
  if ('cameFrom' in state && typeof state.cameFrom === 'string') entry.cameFrom = state.cameFrom;
  if ('focusKey' in state && typeof state.focusKey === 'string') entry.focusKey = state.focusKey;
  if ('expanded' in state && Array.isArray(state.expanded)) {
    entry.expanded = state.expanded.filter((docId): docId is string => typeof docId === 'string');
  }
  return entry;
}

export function getSavedFocusKey(): string | undefined {
  return readEntryState().focusKey;
}

export function getSavedExpanded(): string[] {
  return readEntryState().expanded ?? [];
}

/** Remembers in the current entry which documents' hits are expanded. */
export function saveExpanded(expanded: string[]): void {
  window.history.replaceState({ ...readEntryState(), expanded } satisfies EntryState, '');
}

export function navigate(search: string, kind: 'push' | 'replace'): void {
  if (search === window.location.search) return;
  // Any #fragment belonged to the old view.
  const url = `${window.location.pathname}${search}`;
  if (kind === 'push') {
    // Remember where the user was, so back returns them to the same spot in the list.
    const cameFrom = window.location.search;
    const leaving: EntryState = { ...readEntryState(), scrollY: window.scrollY };
    // A keyboard user who opened a hit comes back to it, not to the top of the page.
    const focusKey = document.activeElement?.closest('[data-focus-key]')?.getAttribute('data-focus-key');
    if (focusKey) leaving.focusKey = focusKey;
    else delete leaving.focusKey;
    window.history.replaceState(leaving, '');
    window.history.pushState({ cameFrom } satisfies EntryState, '', url);
  } else {
    // The entry now shows another view (typing): what was expanded belonged to the old one.
    const { expanded: _expanded, ...kept } = readEntryState();
    window.history.replaceState(kept satisfies EntryState, '', url);
  }
  lastNavigation = kind;
  notify();
}

function handlePopState(): void {
  lastNavigation = 'pop';
  notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}
