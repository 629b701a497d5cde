import { useEffect, useState } from 'react';

/**
 * `on`, once it has stayed true for `delayMs`; false again as soon as `on` is. For loading cues
 * that only a slow search should show: a fast one then changes nothing on the page (no class, no
 * animation to start and cancel) between the keystroke and its results.
 */
export function useDelayedFlag(on: boolean, delayMs: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!on) {
      setLate(false);
      return;
    }
    const timer = window.setTimeout(() => setLate(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [on, delayMs]);
  return on && late;
}
