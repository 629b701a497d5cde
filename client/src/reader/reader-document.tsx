import { useRef } from 'react';
import type { DocumentResponse } from '../../../server/api/types.ts';
import { formatCount } from '../search/format-count.ts';
import { formatUrlSearch, type UrlState } from '../url/url-state.ts';
import { ReaderPassage } from './reader-passage.tsx';
import { splitDocument } from './split-document.ts';
import { useScrollToPassage } from './use-scroll-to-passage.ts';

interface ReaderDocumentProps {
  document: DocumentResponse;
  url: UrlState;
}

export function ReaderDocument({ document, url }: ReaderDocumentProps) {
  const currentRef = useRef<HTMLDivElement>(null);
  useScrollToPassage(currentRef, `${document.id}\n${url.passage ?? ''}`);
  const parts = splitDocument(document.text, document.passages);
  const passageFound = url.passage === null || document.passages.some((passage) => passage.id === url.passage);

  return (
    <>
      <header className="reader-header">
        <h2 id="reader-title" className="reader-title">
          {document.title}
        </h2>
        <p className="reader-meta">
          {document.sourceName} · {formatCount(document.passages.length, 'passage', 'passages')}
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
                {part.text}
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
              citation={{
                text: part.text,
                title: document.title,
                sourceName: document.sourceName,
                docId: document.id,
                id: passage.id,
              }}
            />
          );
        })}
      </div>
    </>
  );
}
