import { findWords } from '../../indexer/analyzer/index.ts';
import { readDocumentText, type LoadedIndex } from '../index/loaded-index.ts';
import { normalizeTermCached } from '../search/normalize-term-cached.ts';
import type { QuoteWindow } from './find-quote-windows.ts';

/** The words of a window of passages, with offsets in the document text and index terms. */
export interface WindowWords {
  starts: number[];
  ends: number[];
  terms: string[];
}

/** Reads the words of a window's passages with the analyzer, as the index read them. */
export function readWindowWords(index: LoadedIndex, window: QuoteWindow): WindowWords {
  const first = index.entries[window.first]!;
  const last = index.entries[window.last]!;
  const base = first.passage.start;
  const text = readDocumentText(index, first.document).slice(base, last.passage.end);
  const words: WindowWords = { starts: [], ends: [], terms: [] };
  for (const { word, start, end } of findWords(text)) {
    const term = normalizeTermCached(word);
    if (term === '') continue;
    words.starts.push(base + start);
    words.ends.push(base + end);
    words.terms.push(term);
  }
  return words;
}
