import { useEffect, useEffectEvent } from 'react';
import type { SearchHit } from '../../../server/api/types.ts';
import { citableFromHit } from '../citation/citable-passage.ts';
import { copyPassage } from '../citation/copy-passage.ts';
import { focusInView, isShortcutEvent } from './shortcut-target.ts';

/**
 * Keyboard use of the result list: j/k (and the arrow keys once in the list) move
 * between hits, Enter opens the focused hit (it is a link), `c` copies it with its
 * citation. Focus sits on each hit's title link, so the browser draws its ring.
 */
export function useHitKeyboard(hits: SearchHit[] | undefined): void {
  const handleKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!hits || !isShortcutEvent(event)) return;
    const links = [...document.querySelectorAll<HTMLElement>('[data-hit-link]')];
    const focusedHit = document.activeElement?.closest<HTMLElement>('[data-hit-id]') ?? null;
    const index = focusedHit ? links.findIndex((link) => focusedHit.contains(link)) : -1;
    const inList = index !== -1;

    let step = 0;
    if (event.key === 'j' || (event.key === 'ArrowDown' && inList)) step = 1;
    else if (event.key === 'k' || (event.key === 'ArrowUp' && inList)) step = -1;

    if (step !== 0) {
      const next = links[inList ? Math.min(Math.max(index + step, 0), links.length - 1) : 0];
      if (!next) return;
      event.preventDefault();
      focusInView(next);
    } else if (event.key === 'c' && focusedHit) {
      const hit = hits.find((candidate) => candidate.id === focusedHit.dataset.hitId);
      if (!hit) return;
      event.preventDefault();
      void copyPassage(citableFromHit(hit));
    }
  });

  useEffect(() => {
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
