import { useCallback, useMemo, useRef } from 'react';
import type { DocumentResponse } from '../../../server/api/types.ts';
import { citableFromReader } from '../citation/citable-passage.ts';
import { copyPassage } from '../citation/copy-passage.ts';
import { formatLongDate } from '../citation/format-date.ts';
import { useReaderKeyboard } from '../keyboard/use-reader-keyboard.ts';
import { formatCount } from '../search/format-count.ts';
import { navigateBackTo } from '../url/history-store.ts';
import { formatUrlSearch, type UrlState } from '../url/url-state.ts';
import { BackLink } from './back-link.tsx';
import { backSearchOf } from './back-search.ts';
import { markMatches } from './mark-matches.ts';
import { MarkedText } from './marked-text.tsx';
import { MatchNavigator } from './match-navigator.tsx';
import { ReaderPassage } from './reader-passage.tsx';
import { splitDocument } from './split-document.ts';
import { useMatchStepper } from './use-match-stepper.ts';
import { useScrollToPassage } from './use-scroll-to-passage.ts';

interface ReaderDocumentProps {
  document: DocumentResponse;
  url: UrlState;
}

/** The reader's two columns once the document is here: back link and matches beside the text. */
export function ReaderDocument({ document, url }: ReaderDocumentProps) {
  const currentRef = useRef<HTMLDivElement>(null);
  useScrollToPassage(currentRef, `${document.id}\n${url.passage ?? ''}`);
  const highlights = document.highlights ?? [];
  const parts = useMemo(() => splitDocument(document.text, document.passages), [document.text, document.passages]);
  const stepper = useMatchStepper(highlights.length, `${document.id}\n${url.q}`, useCallback(() => currentRef.current, []));
  const passageFound = url.passage === null || document.passages.some((passage) => passage.id === url.passage);
  const terms = [...new Set(highlights.map((highlight) => highlight.term))];
  const query = url.q.trim();

  useReaderKeyboard({
    onClose: () => navigateBackTo(backSearchOf(url)),
    onNextMatch: stepper.next,
    onPreviousMatch: stepper.previous,
    onCopy: (passageId) => {
      const passage = document.passages.find((candidate) => candidate.id === passageId);
      if (passage) void copyPassage(citableFromReader(document, passage));
    },
  });

  const meta = [
    document.sourceName,
    document.date && formatLongDate(document.date),
    formatCount(document.passages.length, 'passage', 'passages'),
  ].filter(Boolean);

  return (
    <>
      <div className="reader-aside">
        <BackLink url={url} />
        {/* An older server sends no highlights: the navigator is left out rather than showing 0. */}
        {document.highlights !== undefined && query !== '' && <MatchNavigator stepper={stepper} terms={terms} />}
      </div>
      <div className="reader-main">
        <header className="reader-header">
          <h2 id="reader-title" className="reader-title">
            {document.title}
          </h2>
          <p className="reader-meta">
            {meta.join(' · ')}
            {document.url && (
              <>
                {' · '}
                <a href={document.url} rel="noreferrer" target="_blank">
                  Original<span className="visually-hidden"> (opens in a new tab)</span> ↗
                </a>
              </>
            )}
          </p>
        </header>
        {!passageFound && (
          <p className="notice" role="status">
            The cited passage is not in this version of the document; it may have changed since the citation was made.
          </p>
        )}
        <div className="reader-text">
          {parts.map((part) => {
            if (part.kind === 'gap') {
              return (
                <div key={`gap-${part.start}`} className="reader-gap">
                  {markMatches(part.text, part.start, highlights).map((paragraph) => (
                    <p key={paragraph.start}>
                      <MarkedText runs={paragraph.runs} />
                    </p>
                  ))}
                </div>
              );
            }
            const { passage } = part;
            const isCurrent = passage.id === url.passage;
            return (
              <ReaderPassage
                key={passage.id}
                ref={isCurrent ? currentRef : undefined}
                passage={passage}
                isCurrent={isCurrent}
                linkSearch={formatUrlSearch({ ...url, passage: passage.id })}
                query={query}
                paragraphs={markMatches(part.text, passage.start, highlights)}
                citation={citableFromReader(document, passage)}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}
