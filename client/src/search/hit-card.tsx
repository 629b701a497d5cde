import { memo, useId } from 'react';
import type { SearchHit } from '../../../server/api/types.ts';
import { citableFromHit } from '../citation/citable-passage.ts';
import { CopyButton } from '../citation/copy-button.tsx';
import { CITABLE_TEXT_ATTRIBUTE } from '../citation/selection-copy.tsx';
import { formatLongDate } from '../citation/format-date.ts';
import { CollectButton } from '../tray/collect-button.tsx';
import { InternalLink } from '../url/internal-link.tsx';
import { MatchedTerms } from './matched-terms.tsx';
import { SnippetText } from './snippet-text.tsx';

interface HitCardProps {
  hit: SearchHit;
  /** Query string that opens this passage in the reader. */
  readerSearch: string;
  /** The search, kept with the passage when it is collected. */
  query: string;
  /** A further passage of a document already shown: titled by its number, not the document's title again. */
  secondary?: boolean;
}

export const HitCard = memo(function HitCard({ hit, readerSearch, query, secondary = false }: HitCardProps) {
  const titleId = useId();
  const passage = citableFromHit(hit);
  const date = hit.date;

  return (
    <article className={secondary ? 'hit hit-secondary' : 'hit'} data-hit-id={hit.id} aria-labelledby={titleId}>
      <h3 id={titleId} className="hit-title">
        <InternalLink search={readerSearch} data-hit-link="" data-focus-key={hit.id} aria-keyshortcuts="Enter c">
          {secondary ? `Passage ${hit.ordinal + 1}` : hit.title}
        </InternalLink>
      </h3>
      <p className="hit-meta">
        {!secondary && (
          <>
            <span>{hit.sourceName}</span>
            {date && (
              <>
                <span aria-hidden="true"> · </span>
                <time dateTime={date}>{formatLongDate(date)}</time>
              </>
            )}
            <span aria-hidden="true"> · </span>
            {/* Tells apart hits from one document, which share a title. */}
            <span>Passage {hit.ordinal + 1}</span>
          </>
        )}
        {hit.speaker && (
          <>
            {!secondary && <span aria-hidden="true"> · </span>}
            <span className="hit-speaker">{hit.speaker}</span>
          </>
        )}
      </p>
      <p className="hit-snippet" {...{ [CITABLE_TEXT_ATTRIBUTE]: hit.id }}>
        <SnippetText segments={hit.snippet.length > 0 ? hit.snippet : [{ text: hit.text, highlight: false }]} />
      </p>
      <MatchedTerms terms={hit.matchedTerms} />
      <div className="passage-actions">
        <CopyButton passage={passage} />
        <CollectButton passage={passage} query={query} />
      </div>
    </article>
  );
});
