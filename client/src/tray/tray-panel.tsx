import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useCitationFormat, citationFormatStore } from '../citation/citation-format-store.ts';
import type { CitationExportFormat } from '../../../server/api/types.ts';
import { fetchCollection } from '../api/citation.ts';
import type { CitationFormat } from '../citation/citation-formats.ts';
import { copyText, setCopyStatus } from '../citation/copy-status.ts';
import { CopyStatusText } from '../citation/copy-status-text.tsx';
import { FormatMenu } from '../citation/format-menu.tsx';
import { formatCount } from '../search/format-count.ts';
import { downloadFile } from './download-file.ts';
import { TrayEntry } from './tray-entry.tsx';
import { clearTray, moveInTray, removeFromTray, useTray, type TrayItem } from './tray-store.ts';

interface TrayPanelProps {
  open: boolean;
  onClose: () => void;
}

/** Files the tray downloads; the server writes them, as it formats every citation. */
const DOWNLOADS: readonly { label: string; format: CitationExportFormat }[] = [
  { label: 'Markdown', format: 'markdown' },
  { label: 'CSV', format: 'csv' },
  { label: 'RIS', format: 'ris' },
  { label: 'BibTeX', format: 'bibtex' },
];

/** What the server needs of collected passages: their ids, the user's notes, when they were collected. */
function collectionItems(items: readonly TrayItem[]) {
  return items.map((item) => ({ id: item.id, ...(item.note.trim() === '' ? {} : { note: item.note }), ...(item.addedAt === '' ? {} : { collectedAt: item.addedAt }) }));
}

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
    const text = fetchCollection(picked, collectionItems(items)).then((collection) => collection.text);
    void copyText('tray', text, `Copied ${formatCount(items.length, 'passage', 'passages')}`);
  }

  async function download(option: (typeof DOWNLOADS)[number]) {
    try {
      const collection = await fetchCollection(option.format, collectionItems(items));
      const day = new Date().toISOString().slice(0, 10);
      downloadFile(`passim-clipboard-${day}.${collection.extension}`, collection.text, collection.mediaType);
      const left = collection.missing.length === 0 ? '' : ` (${formatCount(collection.missing.length, 'passage is', 'passages are')} no longer in the archive and left out)`;
      setCopyStatus('tray', { kind: 'copied', label: `Downloaded ${option.label}${left}` });
    } catch (error) {
      setCopyStatus('tray', { kind: 'failed', message: `The ${option.label} file could not be made: ${(error as Error).message}` });
    }
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
              <button key={option.format} type="button" className="button button-small" onClick={() => void download(option)}>
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
