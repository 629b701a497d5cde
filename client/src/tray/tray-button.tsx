import { formatCount } from '../search/format-count.ts';
import { useTray } from './tray-store.ts';

/** Opens the clipboard tray; its count grows as passages are collected, which confirms each one. */
export function TrayButton({ onOpen }: { onOpen: () => void }) {
  const count = useTray().length;
  return (
    <button
      type="button"
      className="tray-button"
      aria-haspopup="dialog"
      aria-label={`Clipboard, ${formatCount(count, 'passage', 'passages')}`}
      onClick={onOpen}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
        <rect x="3" y="2.5" width="10" height="12" rx="1.5" />
        <path d="M6 2.5v-1h4v1M5.5 6.5h5M5.5 9h5M5.5 11.5h3" />
      </svg>
      <span className="tray-button-label">Clipboard</span>{' '}
      <span className="tray-count" aria-hidden="true">
        {count}
      </span>
    </button>
  );
}
