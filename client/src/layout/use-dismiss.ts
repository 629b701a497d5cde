import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * Closes a popover (a menu, a help panel) on a pointer press outside `root`, or on
 * Escape. Escape is taken before the page's own shortcuts, so it closes the popover
 * and not, say, the reader behind it; `onDismiss` gets whether to return focus.
 */
export function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, onDismiss: (returnFocus: boolean) => void): void {
  const dismiss = useEffectEvent(onDismiss);

  useEffect(() => {
    if (!open) return;
    function handlePointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) dismiss(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      dismiss(true);
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown, true);
    };
  }, [open, root]);
}
