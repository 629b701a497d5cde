import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApiLimits, Suggestion } from '../../../server/api/types.ts';
import { useSuggestions } from '../api/suggest.ts';
import { focusFirstHit } from '../keyboard/shortcut-target.ts';
import { SuggestionList, suggestionOptionId } from './suggestion-list.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';
import { SEARCH_DEBOUNCE_MS } from './search-timing.ts';
import { useSlashShortcut } from './use-slash-shortcut.ts';

/** Completions follow typing a little faster than results: they are cheap and guide the typing. */
const SUGGEST_DEBOUNCE_MS = 100;

/** Longest text the suggest endpoint takes: a longer paste asks for no completions (and logs no 400). */
const MAX_SUGGEST_LENGTH: ApiLimits['suggestQuery'] = 200;

interface SearchBoxProps {
  /** The committed search text (from the URL). */
  value: string;
  /**
   * Called with the text once typing pauses (`settled` false: the last word is still being typed),
   * or at once on Enter (`settled` true).
   */
  onCommit: (value: string, settled: boolean) => void;
  /** Called when a completion is picked, with the text as typed; a title completion names a document to open. */
  onPickSuggestion: (suggestion: Suggestion, typed: string) => void;
}

export function SearchBox({ value, onCommit, onPickSuggestion }: SearchBoxProps) {
  const inputId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  // Escape, a pick or a submit hides the completions until the text changes again.
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  // The last text we committed, to tell our own URL update from a back/forward.
  const committed = useRef(value);
  useSlashShortcut(inputRef);

  const suggestFor = useDebouncedValue(draft, SUGGEST_DEBOUNCE_MS);
  const suggest = useSuggestions(suggestFor, focused && !dismissed && suggestFor.trim().length <= MAX_SUGGEST_LENGTH);
  const suggestions = (suggest.data?.suggestions ?? []).filter((suggestion) => suggestion.text !== draft.trim() || suggestion.docId);
  const listOpen = focused && !dismissed && draft.trim() !== '' && draft.trim().length <= MAX_SUGGEST_LENGTH && suggestions.length > 0;

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);

  // When the last search was committed, so a burst of keys can be told from the first key after a pause.
  const lastCommitAt = useRef(Number.NEGATIVE_INFINITY);

  function commit(text: string, settled = false) {
    committed.current = text;
    lastCommitAt.current = performance.now();
    onCommit(text, settled);
  }

  // An effect event, so a new onCommit each render does not restart the debounce. A pick or
  // a submit during the pause has committed already (and may have opened a document since).
  const commitLater = useEffectEvent((text: string) => {
    if (text !== committed.current) commit(text);
  });
  useEffect(() => {
    if (draft === committed.current) return;
    // The first key after a pause searches at once; keys that follow it within SEARCH_DEBOUNCE_MS
    // (a paste, a held key) wait out that time and go as one request.
    const wait = lastCommitAt.current + SEARCH_DEBOUNCE_MS - performance.now();
    if (wait <= 0) {
      commitLater(draft);
      return;
    }
    const timer = window.setTimeout(() => commitLater(draft), wait);
    return () => window.clearTimeout(timer);
  }, [draft]);

  function changeDraft(text: string) {
    setDraft(text);
    setDismissed(false);
    setActive(-1);
  }

  function pick(suggestion: Suggestion) {
    // A title opens its document; the search stays what was typed, so its words are marked there.
    const text = suggestion.docId ? draft : suggestion.text;
    setDraft(text);
    setDismissed(true);
    setActive(-1);
    committed.current = text;
    onPickSuggestion(suggestion, draft);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = listOpen ? suggestions[active] : undefined;
    if (chosen) {
      pick(chosen);
      return;
    }
    setDismissed(true);
    commit(draft, true);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listOpen) {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // Cycles through the options and back to the text as typed (-1).
        setActive((current) => {
          const next = current + step;
          return next >= suggestions.length ? -1 : next < -1 ? suggestions.length - 1 : next;
        });
      } else if (event.key === 'ArrowDown' && focusFirstHit()) {
        event.preventDefault();
      }
    } else if (event.key === 'Escape' && listOpen) {
      // Close the completions only; the browser would also clear the text.
      event.preventDefault();
      setDismissed(true);
      setActive(-1);
    }
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
        onChange={(event) => changeDraft(event.target.value)}
        onKeyDown={handleKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        placeholder="Search the archive"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts="/"
        aria-autocomplete="list"
        aria-controls={listOpen ? listId : undefined}
        aria-activedescendant={listOpen && active >= 0 ? suggestionOptionId(listId, active) : undefined}
      />
      <kbd className="search-box-hint" aria-hidden="true">
        /
      </kbd>
      {listOpen && <SuggestionList id={listId} suggestions={suggestions} active={active} onPick={pick} />}
    </form>
  );
}
