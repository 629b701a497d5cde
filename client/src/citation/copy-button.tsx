import { useEffect, useState } from 'react';
import { formatCitation, type CitablePassage } from './format-citation.ts';

/** How long "Copied" stays visible. */
const CONFIRMATION_MS = 2500;

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string };

/** Copies the passage's exact text with a citation that links back to it. */
export function CopyButton({ passage }: { passage: CitablePassage }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function handleClick() {
    const citation = formatCitation(passage, window.location.origin);
    try {
      // Absent outside a secure context (plain http on another host).
      if (!navigator.clipboard) throw new Error('unavailable');
      await navigator.clipboard.writeText(citation);
      setState({ kind: 'copied' });
    } catch {
      setState({
        kind: 'failed',
        message: 'The browser did not allow copying. Select the text and copy it by hand.',
      });
    }
  }

  return (
    <div className="copy">
      <button type="button" className="button button-small" aria-label="Copy passage with citation" onClick={handleClick}>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
          <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" />
          <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h1" />
        </svg>
        Copy
      </button>
      <span role="status" className={state.kind === 'failed' ? 'copy-status copy-status-error' : 'copy-status'}>
        {state.kind === 'copied' && 'Copied'}
        {state.kind === 'failed' && state.message}
      </span>
    </div>
  );
}
