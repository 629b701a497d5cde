import type { DocumentRecord } from '../../indexer/index/index-format.ts';
import { getIndexFacts } from '../index/index-facts.ts';
import { readDocumentText, type LoadedIndex } from '../index/loaded-index.ts';
import type { MatchNode } from '../query/query-tree.ts';
import type { WordHighlight } from './find-highlights.ts';
import { createPassageHighlighter } from './locate-highlights.ts';
import { passageWordBounds } from './word-bounds.ts';

/** The number of each document's first passage in the index (passages are numbered in document order), per index. */
const firstPassages = new WeakMap<LoadedIndex, Map<string, number>>();

function firstPassageOf(index: LoadedIndex, documentId: string): number | undefined {
  let byDocument = firstPassages.get(index);
  if (!byDocument) {
    byDocument = new Map();
    index.entries.forEach((entry, passage) => {
      if (!byDocument!.has(entry.document.id)) byDocument!.set(entry.document.id, passage);
    });
    firstPassages.set(index, byDocument);
  }
  return byDocument.get(documentId);
}

/**
 * The matched words of a whole document, for the reader: found the one way a hit's are, from the word
 * positions of the index (locate-highlights.ts), passage by passage, with offsets moved to the
 * document's text and word numbers counted over the document. So the reader marks exactly the words
 * the search marked in its snippets.
 */
export function locateDocumentHighlights(index: LoadedIndex, document: DocumentRecord, nodes: readonly MatchNode[]): WordHighlight[] {
  const first = firstPassageOf(index, document.id);
  if (first === undefined) return [];
  const highlight = createPassageHighlighter(index, getIndexFacts(index), nodes);
  const highlights: WordHighlight[] = [];
  const documentText = readDocumentText(index, document);
  let wordsBefore = 0;
  document.passages.forEach((stored, ordinal) => {
    const passage = first + ordinal;
    const text = documentText.slice(stored.start, stored.end);
    const words = passageWordBounds(index, passage, text);
    for (const found of highlight(passage, text, words)) {
      highlights.push({ ...found, index: wordsBefore + found.index, start: stored.start + found.start, end: stored.start + found.end });
    }
    wordsBefore += words.starts.length;
  });
  return highlights;
}
