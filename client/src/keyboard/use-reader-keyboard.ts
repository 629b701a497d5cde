import { useEffect, useEffectEvent } from 'react';
import { focusInView, isShortcutEvent } from './shortcut-target.ts';

interface ReaderKeys {
  /** Escape: leave the reader. */
  onClose: () => void;
  /** n / p: next and previous match. */
  onNextMatch: () => void;
  onPreviousMatch: () => void;
  /** c: copy the passage with this id (the focused one, else the cited one). */
  onCopy: (passageId: string) => void;
}

/**
 * Keyboard use of the reader: j/k move between passages, n/p between matches, `c`
 * copies the passage in focus (or the cited one), Escape goes back to the results.
 */
export function useReaderKeyboard(keys: ReaderKeys): void {
  const handleKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!isShortcutEvent(event)) return;
    const passages = [...document.querySelectorAll<HTMLElement>('[data-passage-id]')];
    const focused = document.activeElement?.closest<HTMLElement>('[data-passage-id]') ?? null;
    const anchor = focused ?? document.querySelector<HTMLElement>('[data-passage-id][aria-current="true"]');

    if (event.key === 'j' || event.key === 'k') {
      const index = anchor ? passages.indexOf(anchor) : -1;
      // Without a focused passage, the first j goes to the first passage below the top of the window.
      const start = index !== -1 ? index : passages.findIndex((passage) => passage.getBoundingClientRect().bottom > 0) - (event.key === 'j' ? 1 : 0);
      const target = passages[Math.min(Math.max(start + (event.key === 'j' ? 1 : -1), 0), passages.length - 1)];
      if (!target) return;
      event.preventDefault();
      focusInView(target, 'center');
    } else if (event.key === 'n' || event.key === 'p') {
      event.preventDefault();
      if (event.key === 'n') keys.onNextMatch();
      else keys.onPreviousMatch();
    } else if (event.key === 'c' && anchor?.dataset.passageId) {
      event.preventDefault();
      keys.onCopy(anchor.dataset.passageId);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      keys.onClose();
    }
  });

  useEffect(() => {
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
