/**
 * Whether a key press may act as a page shortcut: not while the user types in a field,
 * uses a menu or a dialog, or holds a modifier (those keys belong to the browser).
 */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  if (!(target instanceof Element)) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return false;
  return target.closest('input, textarea, select, [contenteditable], [role="menu"], dialog') === null;
}

/** Moves focus to an element and brings it into view without jumping the page more than needed. */
export function focusInView(element: HTMLElement, block: ScrollLogicalPosition = 'nearest'): void {
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block });
}

/** Focuses the first hit's link, for ArrowDown from the search box. Returns false when there is none. */
export function focusFirstHit(): boolean {
  const link = document.querySelector<HTMLElement>('[data-hit-link]');
  if (!link) return false;
  focusInView(link, 'center');
  return true;
}
