import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDismiss } from '../layout/use-dismiss.ts';
import { CITATION_FORMATS, type CitationFormat } from './citation-formats.ts';

interface FormatMenuProps {
  /** The remembered format, checked in the menu and shown on the button. */
  value: CitationFormat;
  /** Called with the picked format; picking one also copies in it. */
  onPick: (format: CitationFormat) => void;
}

/** The second half of the Copy split button: shows the format Copy uses and offers the others. */
export function FormatMenu({ value, onPick }: FormatMenuProps) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const current = CITATION_FORMATS.find(({ format }) => format === value) ?? CITATION_FORMATS[0]!;

  useEffect(() => {
    // Focus the checked item, as a menu of radio items does when it opens.
    if (open) rootRef.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  }
  useDismiss(open, rootRef, close);

  function pick(format: CitationFormat) {
    close(true);
    onPick(format);
  }

  function handleMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Tab') close(false);
    else return;
    // Keys used by the menu never reach the page's own shortcuts.
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    if (next !== null) items[next]?.focus();
  }

  return (
    <div className="format-menu" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="button button-small split-toggle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Citation format: ${current.label}`}
        onClick={() => setOpen(!open)}
      >
        {current.short}
        <svg viewBox="0 0 10 10" aria-hidden="true" className="icon icon-caret">
          <path d="m2 3.5 3 3 3-3" />
        </svg>
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label="Copy as" className="popover menu" onKeyDown={handleMenuKeyDown}>
          {CITATION_FORMATS.map(({ format, label }) => (
            <li
              key={format}
              role="menuitemradio"
              aria-checked={format === value}
              tabIndex={-1}
              className="menu-item"
              onClick={() => pick(format)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  event.stopPropagation();
                  pick(format);
                }
              }}
            >
              Copy as {label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
