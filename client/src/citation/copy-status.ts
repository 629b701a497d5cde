import { useEffect, useSyncExternalStore } from 'react';

/** How long "Copied" stays visible. */
const CONFIRMATION_MS = 2500;

export type CopyStatus = { kind: 'copied'; label: string } | { kind: 'failed'; message: string };

interface CopyStatusEntry {
  /** What was copied: a passage id, or a name such as `tray`. */
  target: string;
  status: CopyStatus;
}

/**
 * The outcome of the last copy, shown beside the control it belongs to. A copy can start
 * from a button or a key press, so the outcome lives outside any one component.
 */
let current: CopyStatusEntry | null = null;
const listeners = new Set<() => void>();

export function setCopyStatus(target: string, status: CopyStatus | null): void {
  current = status === null ? null : { target, status };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The outcome of the last copy of `target`; a confirmation clears itself after a moment. */
export function useCopyStatus(target: string): CopyStatus | null {
  const entry = useSyncExternalStore(subscribe, () => current);
  const status = entry?.target === target ? entry.status : null;

  useEffect(() => {
    if (status?.kind !== 'copied') return;
    const timer = window.setTimeout(() => {
      if (current?.status === status) setCopyStatus(target, null);
    }, CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [status, target]);

  return status;
}

/**
 * Puts text on the clipboard and records the outcome for `target`'s status line. The text may still be
 * on its way from the server: where the browser takes a clipboard item whose contents come later (it
 * then keeps the click's permission to copy), it is given the promise; elsewhere the text is awaited.
 */
export async function copyText(target: string, text: string | Promise<string>, label: string): Promise<boolean> {
  const pending = Promise.resolve(text);
  try {
    // Absent outside a secure context (plain http on another host).
    if (!navigator.clipboard) throw new Error('unavailable');
    if (typeof text !== 'string' && typeof ClipboardItem === 'function') {
      try {
        await navigator.clipboard.write([new ClipboardItem({ 'text/plain': pending.then((value) => new Blob([value], { type: 'text/plain' })) })]);
      } catch {
        await navigator.clipboard.writeText(await pending);
      }
    } else await navigator.clipboard.writeText(await pending);
    setCopyStatus(target, { kind: 'copied', label });
    return true;
  } catch {
    const failedToFetch = await pending.then(
      () => undefined,
      (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)),
    );
    setCopyStatus(target, {
      kind: 'failed',
      message: failedToFetch === undefined ? 'The browser did not allow copying. Select the text and copy it by hand.' : `The citation could not be made: ${failedToFetch}`,
    });
    return false;
  }
}
