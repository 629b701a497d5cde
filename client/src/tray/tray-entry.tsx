import { useId } from 'react';
import { formatLongDate } from '../citation/format-date.ts';
import { InternalLink } from '../url/internal-link.tsx';
import { formatUrlSearch } from '../url/url-state.ts';
import { annotate, type TrayItem } from './tray-store.ts';

interface TrayEntryProps {
  item: TrayItem;
  position: number;
  count: number;
  onMove: (item: TrayItem, offset: number) => void;
  onRemove: (item: TrayItem) => void;
  /** Called when the user follows the link to the passage, so the tray can close. */
  onOpen: () => void;
}

/** One collected passage: where it is from, its words, the user's note, and controls to order or drop it. */
export function TrayEntry({ item, position, count, onMove, onRemove, onOpen }: TrayEntryProps) {
  const titleId = useId();
  const noteId = useId();
  const meta = [item.sourceName, item.speaker, item.date && formatLongDate(item.date)].filter(Boolean).join(' · ');

  return (
    <li className="tray-entry" data-tray-id={item.id} aria-labelledby={titleId}>
      <p id={titleId} className="tray-entry-title">
        <span className="tray-entry-number" aria-hidden="true">
          {position}.
        </span>{' '}
        <InternalLink search={formatUrlSearch({ q: item.query ?? '', doc: item.docId, passage: item.id })} onClick={onOpen}>
          {item.title}
        </InternalLink>
      </p>
      <p className="tray-entry-meta">{meta}</p>
      <blockquote className="tray-entry-quote">{item.text.trim()}</blockquote>
      <label className="tray-note-label" htmlFor={noteId}>
        Note
      </label>
      <textarea
        id={noteId}
        className="field tray-note"
        rows={2}
        value={item.note}
        placeholder="Why this passage matters, where it goes…"
        onChange={(event) => annotate(item.id, event.target.value)}
      />
      <div className="tray-entry-actions">
        <button
          type="button"
          className="button button-small"
          data-action="up"
          disabled={position === 1}
          aria-label={`Move up: ${item.title}, passage ${position} of ${count}`}
          onClick={() => onMove(item, -1)}
        >
          ↑ Up
        </button>
        <button
          type="button"
          className="button button-small"
          data-action="down"
          disabled={position === count}
          aria-label={`Move down: ${item.title}, passage ${position} of ${count}`}
          onClick={() => onMove(item, 1)}
        >
          ↓ Down
        </button>
        <button type="button" className="button button-small button-quiet" aria-label={`Remove: ${item.title}`} onClick={() => onRemove(item)}>
          Remove
        </button>
      </div>
    </li>
  );
}
