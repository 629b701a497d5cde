import type { CitablePassage } from '../citation/citable-passage.ts';
import { isCollected, toggleCollected, useTray } from './tray-store.ts';

interface CollectButtonProps {
  passage: CitablePassage;
  /** The search the passage was found with, kept with it in the tray. */
  query: string;
}

/** Puts the passage in the clipboard tray, or takes it out again. */
export function CollectButton({ passage, query }: CollectButtonProps) {
  const collected = isCollected(useTray(), passage.id);
  return (
    <button
      type="button"
      className="button button-small collect-button"
      aria-pressed={collected}
      title={collected ? 'In your clipboard tray; press again to take it out' : 'Keep this passage in your clipboard tray'}
      onClick={() => toggleCollected(passage, query)}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
        {collected ? <path d="m3.5 8.5 3 3 6-7" /> : <path d="M8 3v10M3 8h10" />}
      </svg>
      Collect
    </button>
  );
}
