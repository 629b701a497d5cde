import type { SearchHit } from '../../../server/api/types.ts';

/** What a citation needs; a search hit has it, and so does a passage in the reader. */
export type CitablePassage = Pick<SearchHit, 'text' | 'title' | 'sourceName' | 'docId' | 'id'>;

/** A link that opens the reader at the passage. */
export function formatPassageLink(passage: Pick<CitablePassage, 'docId' | 'id'>, origin: string): string {
  const params = new URLSearchParams({ doc: passage.docId, passage: passage.id });
  return `${origin}/?${params}`;
}

/**
 * The passage's exact text in quotation marks, then a line naming the title and
 * source with a link back to the passage:
 *
 *   “<passage text>”
 *   — <title>, <sourceName>. <origin>/?doc=<docId>&passage=<passageId>
 */
export function formatCitation(passage: CitablePassage, origin: string): string {
  return `“${passage.text}”\n— ${passage.title}, ${passage.sourceName}. ${formatPassageLink(passage, origin)}`;
}
