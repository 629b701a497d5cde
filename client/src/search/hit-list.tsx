import type { SearchHit } from '../../../server/api/types.ts';
import { HitCard } from './hit-card.tsx';

interface HitListProps {
  hits: SearchHit[];
  /** Query string that opens a hit in the reader, keeping the search to come back to. */
  readerSearchFor: (hit: SearchHit) => string;
}

export function HitList({ hits, readerSearchFor }: HitListProps) {
  return (
    <ol className="hit-list">
      {hits.map((hit) => (
        <li key={hit.id}>
          <HitCard hit={hit} readerSearch={readerSearchFor(hit)} />
        </li>
      ))}
    </ol>
  );
}
