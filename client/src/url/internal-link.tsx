import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history-store.ts';

interface InternalLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** Query string of the target view, e.g. `?doc=a&passage=b`. */
  search: string;
  /** `replace` for views that should not add a history entry. Default `push`. */
  kind?: 'push' | 'replace';
  /** Runs instead of the default navigation on a plain click. */
  onNavigate?: () => void;
}

/**
 * A real link (so open-in-new-tab and copy-link work) that changes the view in place
 * on a plain click.
 */
export function InternalLink({ search, kind = 'push', onNavigate, onClick, ...rest }: InternalLinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || isModifiedClick(event)) return;
    event.preventDefault();
    if (onNavigate) onNavigate();
    else navigate(search, kind);
  }

  return <a href={`${window.location.pathname}${search}`} onClick={handleClick} {...rest} />;
}

function isModifiedClick(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
