import type { Ref } from 'react';
import type { PassageRef } from '../../../server/api/types.ts';
import type { CitablePassage } from '../citation/citable-passage.ts';
import { CopyButton } from '../citation/copy-button.tsx';
import { CITABLE_TEXT_ATTRIBUTE } from '../citation/selection-copy.tsx';
import { CollectButton } from '../tray/collect-button.tsx';
import { InternalLink } from '../url/internal-link.tsx';
import type { Paragraph } from './mark-matches.ts';
import { MarkedText } from './marked-text.tsx';

interface ReaderPassageProps {
  passage: PassageRef;
  citation: CitablePassage;
  /** The passage's text in paragraphs, with the query's words marked. */
  paragraphs: Paragraph[];
  isCurrent: boolean;
  /** Query string that makes this the current passage. */
  linkSearch: string;
  /** The search the reader was opened from, kept with a collected passage. */
  query: string;
  ref?: Ref<HTMLDivElement>;
}

/** HTML id of a passage in the reader, so `#passage-…` anchors work too. */
export function passageElementId(passageId: string): string {
  return `passage-${passageId}`;
}

export function ReaderPassage({ passage, citation, paragraphs, isCurrent, linkSearch, query, ref }: ReaderPassageProps) {
  const number = passage.ordinal + 1;
  return (
    <div
      ref={ref}
      id={passageElementId(passage.id)}
      className={isCurrent ? 'passage passage-current' : 'passage'}
      aria-current={isCurrent ? 'true' : undefined}
      data-passage-id={passage.id}
      // Focusable so the cited passage can take focus, and j/k can move between passages.
      tabIndex={-1}
    >
      <div className="passage-gutter">
        <InternalLink
          className="passage-anchor"
          search={linkSearch}
          kind="replace"
          aria-label={`Link to passage ${number}${isCurrent ? ' (cited)' : ''}`}
        >
          ¶{number}
        </InternalLink>
      </div>
      <div className="passage-body">
        {isCurrent && <p className="passage-badge">Cited passage</p>}
        {passage.speaker && <p className="passage-speaker">{passage.speaker}</p>}
        <div className="passage-text" {...{ [CITABLE_TEXT_ATTRIBUTE]: passage.id }}>
          {paragraphs.map((paragraph) => (
            <p key={paragraph.start}>
              <MarkedText runs={paragraph.runs} />
            </p>
          ))}
        </div>
        <div className="passage-actions">
          <CopyButton passage={citation} />
          <CollectButton passage={citation} query={query} />
        </div>
      </div>
    </div>
  );
}
