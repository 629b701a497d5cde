import type { SnippetSegment } from '../../../server/api/types.ts';

/** Snippet segments as text nodes and `<mark>`s; document text is never parsed as HTML. */
export function SnippetText({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        // Segments never reorder, so the position is a stable key.
        segment.highlight ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
