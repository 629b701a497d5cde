import type { SearchHit } from '../../../server/api/types.ts';
import { groupHits } from './group-hits.ts';
import { HitGroup } from './hit-group.tsx';

interface HitListProps {
  hits: SearchHit[];
  /** Query string that opens a hit in the reader, keeping the search to come back to. */
  readerSearchFor: (hit: SearchHit) => string;
  query: string;
  /** Documents whose further hits are shown. */
  expanded: string[];
  onToggleExpanded: (docId: string) => void;
}

export function HitList({ hits, readerSearchFor, query, expanded, onToggleExpanded }: HitListProps) {
  return (
    <ol className="hit-list">
      {groupHits(hits).map((group) => (
        <li key={group.docId} className="hit-group">
          <HitGroup
            group={group}
            expanded={expanded.includes(group.docId)}
            onToggle={() => onToggleExpanded(group.docId)}
            readerSearchFor={readerSearchFor}
            query={query}
          />
        </li>
      ))}
    </ol>
  );
}
