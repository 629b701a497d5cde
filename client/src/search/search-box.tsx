import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react';
import { useSlashShortcut } from './use-slash-shortcut.ts';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const DEBOUNCE_MS = 150;

interface SearchBoxProps {
  /** The committed search text (from the URL). */
  value: string;
  /** Called with the text once typing pauses, or at once on Enter. */
  onCommit: (value: string) => void;
}

export function SearchBox({ value, onCommit }: SearchBoxProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  // The last text we committed, to tell our own URL update from a back/forward.
  const committed = useRef(value);
  useSlashShortcut(inputRef);

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);

  function commit(text: string) {
    committed.current = text;
    onCommit(text);
  }

  // An effect event, so a new onCommit each render does not restart the debounce.
  const commitLater = useEffectEvent(commit);
  useEffect(() => {
    if (draft === committed.current) return;
    const timer = window.setTimeout(() => commitLater(draft), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    commit(draft);
  }

  return (
    <form role="search" className="search-box" onSubmit={handleSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        Search passages
      </label>
      <svg className="search-box-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="m13 13 4 4" />
      </svg>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        name="q"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="Search the archive"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts="/"
      />
      <kbd className="search-box-hint" aria-hidden="true">
        /
      </kbd>
    </form>
  );
}
