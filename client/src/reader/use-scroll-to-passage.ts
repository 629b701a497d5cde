import { useLayoutEffect, useRef, type RefObject } from 'react';
import { getLastNavigation, getSavedScrollY } from '../url/history-store.ts';

/**
 * Brings the cited passage into view and gives it focus once the document is on
 * screen; call it from the component that renders the passages. Back/forward
 * returns to where the reader was instead; picking another passage in the reader
 * (a replace) leaves the window where the user put it.
 */
export function useScrollToPassage(passageRef: RefObject<HTMLElement | null>, viewKey: string): void {
  const handledKey = useRef<string | null>(null);

  useLayoutEffect(() => {
    if (handledKey.current === viewKey) return;
    // Refs are attached before layout effects run, so the element is there if it exists.
    const element = passageRef.current;
    const isFirstView = handledKey.current === null;
    handledKey.current = viewKey;
    const kind = getLastNavigation();
    const savedScrollY = getSavedScrollY();
    if (kind === 'pop' && savedScrollY !== undefined) {
      window.scrollTo(0, savedScrollY);
    } else if (element && (kind !== 'replace' || isFirstView)) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    } else if (!element && isFirstView) {
      window.scrollTo(0, 0);
    }
  }, [passageRef, viewKey]);
}
