import { useEffect, useState } from 'react';

/**
 * `value`, but a new value only once the frame showing the render that brought it has been
 * painted. For a part of a view that can trail the rest by a frame: the results of a typed
 * query paint first, and the filter panel's new counts follow on the next frame, instead of
 * both waiting for all of the work.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer = 0;
    // A task queued from an animation frame callback runs once that frame has been painted.
    const frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [shown, value]);
  return shown;
}
