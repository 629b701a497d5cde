import type { Ref } from 'react';
import type { PassageRef } from '../../../server/api/types.ts';
import { CopyButton } from '../citation/copy-button.tsx';
import type { CitablePassage } from '../citation/format-citation.ts';
import { InternalLink } from '../url/internal-link.tsx';

interface ReaderPassageProps {
  passage: PassageRef;
  citation: CitablePassage;
  isCurrent: boolean;
  /** Query string that makes this the current passage. */
  linkSearch: string;
  ref?: Ref<HTMLDivElement>;
}

/** HTML id of a passage in the reader, so `#passage-…` anchors work too. */
export function passageElementId(passageId: string): string {
  return `passage-${passageId}`;
}

export function ReaderPassage({ passage, citation, isCurrent, linkSearch, ref }: ReaderPassageProps) {
  const number = passage.ordinal + 1;
  return (
    <div
      ref={ref}
      id={passageElementId(passage.id)}
      className={isCurrent ? 'passage passage-current' : 'passage'}
      aria-current={isCurrent ? 'true' : undefined}
      // Focusable so the cited passage can take focus, and screen readers start there.
      tabIndex={-1}
    >
      <div className="passage-gutter">
        <InternalLink
          className="passage-anchor"
          search={linkSearch}
          kind="replace"
          aria-label={`Passage ${number}${isCurrent ? ' (cited)' : ''}`}
        >
          ¶{number}
        </InternalLink>
      </div>
      <div className="passage-body">
        {isCurrent && <p className="passage-badge">Cited passage</p>}
        {passage.speaker && <p className="passage-speaker">{passage.speaker}</p>}
        <div className="passage-text">
          {splitParagraphs(citation.text).map((paragraph, index) => (
            // Paragraphs of a passage never reorder, so the position is a stable key.
            <p key={index}>{paragraph}</p>
          ))}
        </div>
        {isCurrent && <CopyButton passage={citation} />}
      </div>
    </div>
  );
}

/** Blank lines separate paragraphs; single line breaks inside one are kept by CSS. */
function splitParagraphs(text: string): string[] {
  return text.split(/\n[^\S\n]*\n\s*/).filter((paragraph) => paragraph.trim() !== '');
}
