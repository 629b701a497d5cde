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

/**
 * How long typing may run ahead of the address bar. Writing the address (history.replaceState)
 * costs the page milliseconds, sometimes several, while a typed query waits for its results: the
 * views follow the new address at once, and the browser's copy of it is written once typing pauses.
 */
const ADDRESS_WRITE_DELAY_MS = 100;

/** A replace not yet written to the browser's history, with the entry state it will carry. */
let pendingReplace: { search: string; state: EntryState; timer: number } | null = null;

export function subscribeToHistory(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('popstate', handlePopState);
    // A reload or a bookmark right after typing keeps what was typed.
    window.addEventListener('pagehide', writePendingAddress);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('popstate', handlePopState);
      window.removeEventListener('pagehide', writePendingAddress);
    }
  };
}

/** The current view's query string: the address, or the replace about to be written to it. */
export function getLocationSearch(): string {
  return pendingReplace?.search ?? window.location.search;
}

/** Writes a pending replace to the browser's history now; every other history write comes after it. */
export function writePendingAddress(): void {
  if (!pendingReplace) return;
  const { search, state, timer } = pendingReplace;
  pendingReplace = null;
  window.clearTimeout(timer);
  window.history.replaceState(state, '', `${window.location.pathname}${search}`);
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
  writePendingAddress();
  if (readEntryState().cameFrom === search) window.history.back();
  else navigate(search, 'push');
}

function readEntryState(): EntryState {
  if (pendingReplace) return pendingReplace.state;
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
  writePendingAddress();
  window.history.replaceState({ ...readEntryState(), expanded } satisfies EntryState, '');
}

export function navigate(search: string, kind: 'push' | 'replace'): void {
  if (search === getLocationSearch()) return;
  if (kind === 'push') {
    writePendingAddress();
    // Any #fragment belonged to the old view.
    const url = `${window.location.pathname}${search}`;
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
    if (pendingReplace) window.clearTimeout(pendingReplace.timer);
    pendingReplace = { search, state: kept, timer: window.setTimeout(writePendingAddress, ADDRESS_WRITE_DELAY_MS) };
  }
  lastNavigation = kind;
  notify();
}

function handlePopState(): void {
  // The browser has left the entry a pending replace was for.
  if (pendingReplace) window.clearTimeout(pendingReplace.timer);
  pendingReplace = null;
  lastNavigation = 'pop';
  notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}
