import { useId, useRef, useState } from 'react';
import { useDismiss } from '../layout/use-dismiss.ts';

const SYNTAX: readonly { example: string; meaning: string }[] = [
  { example: '"joint statement"', meaning: 'the exact phrase' },
  { example: 'sanctions -oil', meaning: 'without passages that say “oil”' },
  { example: 'syria OR iraq', meaning: 'either word' },
  { example: 'intern*', meaning: 'words that start with “intern”' },
  { example: 'source:state.gov', meaning: 'one source only' },
];

/** A short reminder of the query syntax, behind a "?" next to the search box. */
export function SyntaxHelp() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useDismiss(open, rootRef, (returnFocus) => {
    setOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  });

  return (
    <div className="syntax-help" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="header-icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="Search syntax"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      <div id={panelId} className="popover syntax-panel" hidden={!open}>
        <p className="syntax-title">Search syntax</p>
        <dl className="syntax-list">
          {SYNTAX.map(({ example, meaning }) => (
            <div key={example}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="syntax-foot">
          Every word must match; the last one also matches as the start of a word. Words of five letters or more
          tolerate a typo.
        </p>
        <p className="syntax-foot">
          Keys: <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>c</kbd> copy ·{' '}
          <kbd>Esc</kbd> close
        </p>
      </div>
    </div>
  );
}
