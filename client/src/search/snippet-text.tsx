import type { SnippetSegment } from '../../../server/api/types.ts';

/**
 * Snippet segments as text and `<mark>`s; document text is never parsed as HTML. Plain
 * segments are bare text nodes, not elements: fewer boxes to lay out when results change.
 */
export function SnippetText({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        // Segments never reorder, so the position is a stable key.
        segment.highlight ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
