import { findWords } from '../../indexer/analyzer/index.ts';
import type { QuoteDiffPart, QuoteSource } from '../api/types.ts';
import { describeCitation } from '../citation/build-citation.ts';
import { readDocumentText, type LoadedIndex } from '../index/loaded-index.ts';
import { buildSnippet } from '../search/build-snippet.ts';
import { describePassage } from '../search/describe-passage.ts';
import type { WordHighlight } from '../search/find-highlights.ts';
import { passageWordBounds, toWordBounds } from '../search/word-bounds.ts';
import type { QuoteStep } from './align-words.ts';
import type { QuoteWindow } from './find-quote-windows.ts';
import type { ReadQuote } from './read-quote.ts';
import type { WindowWords } from './window-words.ts';

/** The label snippet highlights of a quote source carry. */
export const QUOTE_HIGHLIGHT_TERM = 'quote';

/** The source words a quote's alignment uses, first to last, as document offsets; undefined when none. */
function alignedSpan(steps: readonly QuoteStep[], words: WindowWords): { start: number; end: number } | undefined {
  let first = Infinity;
  let last = -1;
  for (const step of steps) {
    if (step.kind !== 'same' && step.kind !== 'changed') continue;
    first = Math.min(first, step.s);
    last = Math.max(last, step.s);
  }
  return last === -1 ? undefined : { start: words.starts[first]!, end: words.ends[last]! };
}

/**
 * Where a quote stands: the passage it starts in, widened to the passages it runs over, with the
 * citation of its first passage and a snippet whose highlights are the source words the quote matches.
 */
export function describeQuoteSource(index: LoadedIndex, window: QuoteWindow, steps: readonly QuoteStep[], words: WindowWords, score: number, baseUrl: string): QuoteSource | undefined {
  const span = alignedSpan(steps, words);
  if (!span) return undefined;
  let first = window.first;
  while (first < window.last && index.entries[first]!.passage.end <= span.start) first += 1;
  let last = first;
  while (last < window.last && index.entries[last + 1]!.passage.start < span.end) last += 1;
  const entry = index.entries[first]!;
  const { document } = entry;
  const start = entry.passage.start;
  const end = index.entries[last]!.passage.end;
  const documentText = readDocumentText(index, document);
  const text = documentText.slice(start, end);

  const same = new Set<number>();
  for (const step of steps) if (step.kind === 'same') same.add(words.starts[step.s]!);
  const runBounds = first === last ? passageWordBounds(index, first, text) : toWordBounds(findWords(text));
  const highlights: WordHighlight[] = [];
  for (let at = 0; at < runBounds.starts.length; at += 1) {
    const wordStart = runBounds.starts[at]! + start;
    if (!same.has(wordStart)) continue;
    const wordEnd = runBounds.ends[at]! + start;
    highlights.push({ index: at, start: wordStart - start, end: wordEnd - start, word: documentText.slice(wordStart, wordEnd), term: QUOTE_HIGHLIGHT_TERM, match: 'exact' });
  }
  const passageIds: string[] = [];
  for (let at = first; at <= last; at += 1) passageIds.push(index.entries[at]!.passage.id);
  return {
    ...describePassage(entry, documentText.slice(entry.passage.start, entry.passage.end)),
    start,
    end,
    text,
    score: Math.round(score * 1000) / 1000,
    snippet: buildSnippet(text, highlights, { windowWords: Math.max(30, highlights.length + 12), leadWords: 6 }, runBounds),
    citation: describeCitation(entry, documentText.slice(entry.passage.start, entry.passage.end), baseUrl),
    passageIds,
    ...(document.date === undefined ? {} : { date: document.date }),
    quoteStart: span.start,
    quoteEnd: span.end,
    quoted: documentText.slice(span.start, span.end),
  };
}

/**
 * The alignment as diff parts: consecutive steps of one kind (and the same flags) are one part, whose
 * `quote` and `source` are the pasted and the source text from its first word to its last.
 */
export function describeQuoteDiff(quote: ReadQuote, steps: readonly QuoteStep[], words: WindowWords, sourceText: string): QuoteDiffPart[] {
  const parts: QuoteDiffPart[] = [];
  let open: { kind: QuoteDiffPart['kind']; marked: boolean; moved: boolean; q: [number, number] | undefined; s: [number, number] | undefined } | undefined;
  const close = () => {
    if (!open) return;
    parts.push({
      kind: open.kind,
      ...(open.q ? { quote: quote.text.slice(quote.words[open.q[0]]!.start, quote.words[open.q[1]]!.end) } : {}),
      ...(open.s ? { source: sourceText.slice(words.starts[open.s[0]]!, words.ends[open.s[1]]!) } : {}),
      ...(open.marked ? { marked: true } : {}),
      ...(open.moved ? { moved: true } : {}),
    });
    open = undefined;
  };
  for (const step of steps) {
    const marked = step.kind === 'missing' && step.marked;
    const moved = step.moved === true;
    // Two stretches of one kind stay apart when an omission mark stands between them in the quote.
    const q = step.kind === 'missing' ? undefined : step.q;
    const s = step.kind === 'added' ? undefined : step.s;
    const joins = open && open.kind === step.kind && open.marked === marked && open.moved === moved && (q === undefined || !open.q || (q === open.q[1] + 1 && !quote.marked[q])) && (s === undefined || !open.s || s === open.s[1] + 1);
    if (!joins) {
      close();
      open = { kind: step.kind, marked, moved, q: undefined, s: undefined };
    }
    if (q !== undefined) open!.q = open!.q ? [open!.q[0], q] : [q, q];
    if (s !== undefined) open!.s = open!.s ? [open!.s[0], s] : [s, s];
  }
  close();
  return parts;
}
