import type { SearchHit } from '../../../server/api/types.ts';
import { CopyButton } from '../citation/copy-button.tsx';
import { InternalLink } from '../url/internal-link.tsx';
import { SnippetText } from './snippet-text.tsx';

interface HitCardProps {
  hit: SearchHit;
  /** Query string that opens this passage in the reader. */
  readerSearch: string;
}

export function HitCard({ hit, readerSearch }: HitCardProps) {
  return (
    <article className="hit">
      <h3 className="hit-title">
        <InternalLink search={readerSearch}>{hit.title}</InternalLink>
      </h3>
      <p className="hit-meta">
        <span>{hit.sourceName}</span>
        <span aria-hidden="true"> · </span>
        {/* Tells apart hits from one document, which share a title. */}
        <span>Passage {hit.ordinal + 1}</span>
        {hit.speaker && (
          <>
            <span aria-hidden="true"> · </span>
            <span className="hit-speaker">{hit.speaker}</span>
          </>
        )}
      </p>
      <p className="hit-snippet">
        <SnippetText segments={hit.snippet.length > 0 ? hit.snippet : [{ text: hit.text, highlight: false }]} />
      </p>
      <CopyButton passage={hit} />
    </article>
  );
}
