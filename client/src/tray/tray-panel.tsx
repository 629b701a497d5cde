import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useCitationFormat, citationFormatStore } from '../citation/citation-format-store.ts';
import { copyText } from '../citation/copy-status.ts';
import { CopyStatusText } from '../citation/copy-status-text.tsx';
import { FormatMenu } from '../citation/format-menu.tsx';
import type { CitationFormat } from '../citation/format-citation.ts';
import { formatCount } from '../search/format-count.ts';
import { downloadFile } from './download-file.ts';
import { formatTrayBibtex } from './export-bibtex.ts';
import { formatTrayCsv } from './export-csv.ts';
import { formatTrayRis } from './export-ris.ts';
import { formatCollection, formatCollectionMarkdown } from './format-collection.ts';
import { TrayEntry } from './tray-entry.tsx';
import { clearTray, moveInTray, removeFromTray, useTray, type TrayItem } from './tray-store.ts';

interface TrayPanelProps {
  open: boolean;
  onClose: () => void;
}

const DOWNLOADS = [
  { label: 'Markdown', extension: 'md', type: 'text/markdown', format: formatCollectionMarkdown },
  { label: 'CSV', extension: 'csv', type: 'text/csv', format: formatTrayCsv },
  { label: 'RIS', extension: 'ris', type: 'application/x-research-info-systems', format: formatTrayRis },
  { label: 'BibTeX', extension: 'bib', type: 'application/x-bibtex', format: formatTrayBibtex },
] as const;

/**
 * The clipboard tray: passages collected across searches, kept across reloads, in an
 * order the user sets, with notes; copied or downloaded all at once. A modal dialog,
 * so Escape closes it and focus stays inside while it is open. Memoized: the page re-renders on
 * every typed query, and a long tray has no reason to.
 */
export const TrayPanel = memo(function TrayPanel({ open, onClose }: TrayPanelProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const items = useTray();
  const format = useCitationFormat();
  const [announcement, setAnnouncement] = useState('');
  const [confirmingClear, setConfirmingClear] = useState(false);
  // After a move or a removal, where focus should go (the moved button may now be disabled).
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const target = dialogRef.current?.querySelector<HTMLElement>(pendingFocus.current);
    pendingFocus.current = null;
    (target ?? dialogRef.current?.querySelector<HTMLElement>('.tray-close'))?.focus();
  });

  function move(item: TrayItem, offset: number) {
    const to = items.findIndex((entry) => entry.id === item.id) + offset;
    moveInTray(item.id, offset);
    const canGoOn = offset < 0 ? to > 0 : to < items.length - 1;
    const action = canGoOn ? (offset < 0 ? 'up' : 'down') : offset < 0 ? 'down' : 'up';
    pendingFocus.current = `[data-tray-id="${CSS.escape(item.id)}"] [data-action="${action}"]`;
    setAnnouncement(`Moved to position ${to + 1} of ${items.length}.`);
  }

  function remove(item: TrayItem) {
    const index = items.findIndex((entry) => entry.id === item.id);
    const next = items[index + 1] ?? items[index - 1];
    removeFromTray(item.id);
    pendingFocus.current = next ? `[data-tray-id="${CSS.escape(next.id)}"] .tray-note` : '.tray-close';
    setAnnouncement(`Removed “${item.title}”.`);
  }

  function copyAll(picked: CitationFormat) {
    if (picked !== format) citationFormatStore.set(picked);
    void copyText('tray', formatCollection(items, window.location.origin, picked), `Copied ${formatCount(items.length, 'passage', 'passages')}`);
  }

  function download(option: (typeof DOWNLOADS)[number]) {
    const day = new Date().toISOString().slice(0, 10);
    downloadFile(`passim-clipboard-${day}.${option.extension}`, option.format(items, window.location.origin), option.type);
  }

  return (
    <dialog ref={dialogRef} className="tray" aria-labelledby="tray-title" onClose={onClose}>
      <div className="tray-header">
        <h2 id="tray-title" className="tray-title">
          Clipboard
        </h2>
        <span className="tray-summary">{formatCount(items.length, 'passage', 'passages')}</span>
        <button type="button" className="button button-small tray-close" aria-label="Close clipboard" onClick={onClose}>
          Close
        </button>
      </div>
      {items.length === 0 ? (
        <div className="tray-empty">
          <p className="notice-title">Nothing collected yet.</p>
          <p>
            Press <strong>Collect</strong> on a result or a passage to keep it here. Passages stay across searches and
            reloads, in this browser.
          </p>
        </div>
      ) : (
        <ol className="tray-list">
          {items.map((item, index) => (
            <TrayEntry
              key={item.id}
              item={item}
              position={index + 1}
              count={items.length}
              onMove={move}
              onRemove={remove}
              onOpen={onClose}
            />
          ))}
        </ol>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {items.length > 0 && (
        <div className="tray-footer">
          <div className="copy">
            <div className="split-button">
              <button type="button" className="button button-small button-primary split-main" onClick={() => copyAll(format)}>
                Copy all
              </button>
              <FormatMenu value={format} onPick={copyAll} />
            </div>
            <CopyStatusText target="tray" />
          </div>
          <div className="tray-downloads" role="group" aria-labelledby="tray-download-label">
            <span id="tray-download-label" className="tray-downloads-label">
              Download
            </span>
            {DOWNLOADS.map((option) => (
              <button key={option.extension} type="button" className="button button-small" onClick={() => download(option)}>
                {option.label}
              </button>
            ))}
          </div>
          <div className="tray-clear">
            {confirmingClear ? (
              <>
                <span>Remove all {formatCount(items.length, 'passage', 'passages')}?</span>
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => {
                    clearTray();
                    setConfirmingClear(false);
                    pendingFocus.current = '.tray-close';
                  }}
                >
                  Remove all
                </button>
                <button type="button" className="button button-small" onClick={() => setConfirmingClear(false)}>
                  Keep them
                </button>
              </>
            ) : (
              <button type="button" className="link-button" onClick={() => setConfirmingClear(true)}>
                Remove all…
              </button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
});
