import { memo, useMemo } from 'react';
import type { SearchHit } from '../../../server/api/types.ts';
import { groupHits } from './group-hits.ts';
import { HitGroup } from './hit-group.tsx';

interface HitListProps {
  hits: SearchHit[];
  /** The hits belong to the previous search and the next one is loading. */
  stale: boolean;
  /** Query string that opens a hit in the reader, keeping the search to come back to. */
  readerSearchFor: (hit: SearchHit) => string;
  query: string;
  /** Documents whose further hits are shown. */
  expanded: string[];
  onToggleExpanded: (docId: string) => void;
}

/**
 * The hits of one results page, grouped by document. Re-renders only when what it shows changes:
 * while the next results load (typing), the previous list stays as it is, links included, since
 * they name the search that found those hits.
 */
export const HitList = memo(function HitList({ hits, readerSearchFor, query, expanded, onToggleExpanded }: HitListProps) {
  const groups = useMemo(() => groupHits(hits), [hits]);
  return (
    <ol className="hit-list">
      {groups.map((group, index) => (
        // Keyed by position: a new search fills the same cards with other hits, which costs the
        // page far less than removing every card and building new ones.
        <li key={index} className="hit-group">
          <HitGroup
            group={group}
            expanded={expanded.includes(group.docId)}
            onToggle={onToggleExpanded}
            readerSearchFor={readerSearchFor}
            query={query}
          />
        </li>
      ))}
    </ol>
  );
}, showsTheSame);

function showsTheSame(previous: HitListProps, next: HitListProps): boolean {
  if (previous.hits !== next.hits || !haveSameItems(previous.expanded, next.expanded)) return false;
  if (next.stale) return true;
  return (
    previous.stale === next.stale &&
    previous.readerSearchFor === next.readerSearchFor &&
    previous.query === next.query &&
    previous.onToggleExpanded === next.onToggleExpanded
  );
}

function haveSameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
