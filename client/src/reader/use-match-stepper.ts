import { useCallback, useEffect, useRef, useState } from 'react';

/** Class of the match the stepper is on; set on the element directly, so stepping re-renders no passage. */
const CURRENT_CLASS = 'mark-current';

export interface MatchStepper {
  /** 0-based index of the match stepped to, or -1 before the first step. */
  current: number;
  count: number;
  next: () => void;
  previous: () => void;
}

/**
 * Steps through the marked matches of the reader (`mark[data-match]`) in document order,
 * wrapping at either end, and scrolls each into view. The first step goes to the first
 * match at or after the cited passage, so "next" starts where the reader is.
 */
export function useMatchStepper(count: number, resetKey: string, startFrom: () => HTMLElement | null): MatchStepper {
  const [current, setCurrent] = useState(-1);
  const marked = useRef<Element | null>(null);

  useEffect(() => setCurrent(-1), [resetKey]);

  useEffect(() => {
    marked.current?.classList.remove(CURRENT_CLASS);
    marked.current = null;
    if (current < 0) return;
    const element = document.querySelector<HTMLElement>(`mark[data-match="${current}"]`);
    if (!element) return;
    element.classList.add(CURRENT_CLASS);
    element.scrollIntoView({ block: 'center' });
    marked.current = element;
  }, [current, resetKey]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (count === 0) return;
      setCurrent((index) => {
        if (index >= 0) return (index + direction + count) % count;
        const first = firstMatchFrom(startFrom());
        if (first === null) return direction === 1 ? 0 : count - 1;
        return direction === 1 ? first : (first - 1 + count) % count;
      });
    },
    [count, startFrom],
  );

  return { current, count, next: useCallback(() => step(1), [step]), previous: useCallback(() => step(-1), [step]) };
}

/** Index of the first match inside or after `element`, or null. */
function firstMatchFrom(element: HTMLElement | null): number | null {
  if (!element) return null;
  for (const mark of document.querySelectorAll<HTMLElement>('mark[data-match]')) {
    if (element.contains(mark) || element.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) {
      return Number(mark.dataset.match);
    }
  }
  return null;
}
