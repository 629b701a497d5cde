import { useLayoutEffect, useRef } from 'react';
import { getLastNavigation, getSavedFocusKey, getSavedScrollY } from './history-store.ts';

/**
 * Puts the window where the user left it when they come back to a view with
 * back/forward (and focus on what had it, such as the hit they opened), and at the
 * top when they push a new view (a page, a filter).
 * Waits for `ready` (content on screen) since scrolling an empty list goes nowhere.
 * Typing (replace) never moves the window.
 */
export function useScrollRestoration(viewKey: string, ready: boolean): void {
  const handledKey = useRef<string | null>(null);

  useLayoutEffect(() => {
    if (!ready || handledKey.current === viewKey) return;
    handledKey.current = viewKey;
    const kind = getLastNavigation();
    if (kind === 'pop') {
      window.scrollTo(0, getSavedScrollY() ?? 0);
      const focusKey = getSavedFocusKey();
      if (focusKey) document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
    } else if (kind === 'push') window.scrollTo(0, 0);
  }, [viewKey, ready]);
}
