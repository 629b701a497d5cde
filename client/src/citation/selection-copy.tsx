import { useEffect, useState } from 'react';
import { copyPassage } from './copy-passage.ts';
import { CopyStatusText } from './copy-status-text.tsx';

/** The attribute that marks an element holding a passage's words, naming the passage. */
export const CITABLE_TEXT_ATTRIBUTE = 'data-cite-passage';

interface SelectedWords {
  passageId: string;
  text: string;
  /** Where to show the button: under the selection, in viewport coordinates. */
  top: number;
  left: number;
}

/** The passage whose words hold `node`, if any. */
function citableAncestor(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest<HTMLElement>(`[${CITABLE_TEXT_ATTRIBUTE}]`) ?? null;
}

/** The words selected inside one passage's text, or null. A snippet's ellipses are not the passage's words. */
function readSelection(): SelectedWords | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const holder = citableAncestor(range.startContainer);
  if (!holder || holder !== citableAncestor(range.endContainer)) return null;
  const text = selection.toString().replace(/\s+/g, ' ').replace(/^[\s…]+|[\s…]+$/g, '');
  if (text === '') return null;
  const rect = range.getBoundingClientRect();
  return { passageId: holder.getAttribute(CITABLE_TEXT_ATTRIBUTE)!, text, top: rect.bottom + 6, left: rect.left + rect.width / 2 };
}

/**
 * Selecting words inside a passage (a hit's snippet, a passage in the reader) offers "Copy with
 * citation" for just those words: the server checks them against the passage and cites them with a
 * link to the words themselves (a text fragment).
 */
export function SelectionCopy() {
  const [selected, setSelected] = useState<SelectedWords | null>(null);

  useEffect(() => {
    const update = () => setSelected(readSelection());
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);

  if (!selected) return null;
  const words = selected.text.split(' ').length;
  return (
    <div className="selection-copy" style={{ top: selected.top, left: selected.left }}>
      <button
        type="button"
        className="button button-small button-primary"
        // Pressing the button must not clear the selection it copies.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => void copyPassage({ id: selected.passageId }, undefined, selected.text, 'selection')}
        aria-label={`Copy the ${words === 1 ? 'selected word' : `${words} selected words`} with citation`}
      >
        Copy with citation
      </button>
      <CopyStatusText target="selection" />
    </div>
  );
}
