import { memo, useId } from 'react';
import type { SearchHit } from '../../../server/api/types.ts';
import type { HitGroup as HitGroupData } from './group-hits.ts';
import { HitCard } from './hit-card.tsx';

interface HitGroupProps {
  group: HitGroupData;
  expanded: boolean;
  onToggle: (docId: string) => void;
  readerSearchFor: (hit: SearchHit) => string;
  query: string;
}

/** A document's best hit, and its other hits on this page behind "k more passages in this document". */
export const HitGroup = memo(function HitGroup({ group, expanded, onToggle, readerSearchFor, query }: HitGroupProps) {
  const moreId = useId();
  const [first, ...rest] = group.hits;

  return (
    <>
      <HitCard hit={first} readerSearch={readerSearchFor(first)} query={query} />
      {rest.length > 0 && (
        <>
          <button type="button" className="link-button hit-group-toggle" aria-expanded={expanded} aria-controls={moreId} onClick={() => onToggle(group.docId)}>
            {expanded
              ? `Hide the other ${rest.length === 1 ? 'passage' : `${rest.length} passages`} in this document`
              : `${rest.length} more ${rest.length === 1 ? 'passage' : 'passages'} in this document`}
          </button>
          <ol id={moreId} className="hit-group-more" hidden={!expanded}>
            {expanded &&
              rest.map((hit) => (
                <li key={hit.id}>
                  <HitCard hit={hit} readerSearch={readerSearchFor(hit)} query={query} secondary />
                </li>
              ))}
          </ol>
        </>
      )}
    </>
  );
});
