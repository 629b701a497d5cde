import type { CitablePassage } from './citable-passage.ts';
import { useCitationFormat } from './citation-format-store.ts';
import { copyPassage, prepareCopy } from './copy-passage.ts';
import { CopyStatusText } from './copy-status-text.tsx';
import { FormatMenu } from './format-menu.tsx';

/**
 * Copies the passage's exact text with a citation that links back to it, in the remembered format
 * (formatted by the server); the menu beside it copies in another format and remembers it.
 */
export function CopyButton({ passage }: { passage: CitablePassage }) {
  const format = useCitationFormat();

  return (
    <div className="copy">
      <div className="split-button">
        <button
          type="button"
          className="button button-small split-main"
          aria-label="Copy passage with citation"
          onClick={() => void copyPassage(passage)}
          onPointerEnter={() => prepareCopy(passage)}
          onFocus={() => prepareCopy(passage)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
            <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" />
            <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h1" />
          </svg>
          Copy
        </button>
        {/* Keyed by passage: a card filled with another hit does not keep a menu opened for the last one. */}
        <FormatMenu key={passage.id} value={format} onPick={(picked) => void copyPassage(passage, picked)} />
      </div>
      <CopyStatusText target={passage.id} />
    </div>
  );
}
