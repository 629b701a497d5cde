import type { QuoteDiffPart } from '../../../server/api/types.ts';

/**
 * The quote as pasted, aligned with its source: words that differ are struck through (the quote's)
 * and underlined (the source's), and each mark is also said in words for a screen reader, so no
 * difference is shown by colour alone.
 */
export function QuoteDiff({ diff }: { diff: QuoteDiffPart[] }) {
  return (
    <blockquote className="quote-diff">
      {diff.map((part, index) => (
        <span key={index}>
          {index > 0 && ' '}
          <DiffPart part={part} />
        </span>
      ))}
    </blockquote>
  );
}

function DiffPart({ part }: { part: QuoteDiffPart }) {
  const moved = part.moved ? <span className="visually-hidden">(in another order in the source) </span> : null;
  switch (part.kind) {
    case 'same':
      return (
        <span className={part.moved ? 'diff-same diff-moved' : 'diff-same'}>
          {moved}
          {part.quote}
        </span>
      );
    case 'changed':
      return (
        <span className={part.moved ? 'diff-changed diff-moved' : 'diff-changed'}>
          {moved}
          <del>
            <span className="visually-hidden">quoted as: </span>
            {part.quote}
          </del>{' '}
          <ins>
            <span className="visually-hidden">the source says: </span>
            {part.source}
          </ins>
        </span>
      );
    case 'added':
      return (
        <del className="diff-added">
          <span className="visually-hidden">not in the source: </span>
          {part.quote}
        </del>
      );
    case 'missing':
      return part.marked ? (
        <span className="diff-marked" title={`Left out, as the quote marks: ${part.source ?? ''}`}>
          <span aria-hidden="true">[…]</span>
          <span className="visually-hidden">left out, as the quote marks: {part.source}</span>
        </span>
      ) : (
        <ins className="diff-missing">
          <span className="visually-hidden">left out of the quote: </span>
          {part.source}
        </ins>
      );
  }
}
