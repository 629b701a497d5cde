import type { QuoteOtherPlace, QuoteResponse, QuoteSource } from '../api/types.ts';
import { readDocumentText, type LoadedIndex } from '../index/loaded-index.ts';
import { alignWords, type QuoteStep } from './align-words.ts';
import { describeQuoteDiff, describeQuoteSource } from './describe-quote-match.ts';
import { findQuoteWindows, type QuoteWindow } from './find-quote-windows.ts';
import { judgeQuote, tallyQuote, type QuoteTally } from './judge-quote.ts';
import { readQuote } from './read-quote.ts';
import { readWindowWords, type WindowWords } from './window-words.ts';

/** Further places listed in `others`. */
const MAX_OTHERS = 10;
/** A quote longer than this many words is aligned with fewer candidate places: each costs its length times the window's. */
const LONG_QUOTE_WORDS = 400;

interface PlaceMatch {
  window: QuoteWindow;
  words: WindowWords;
  steps: QuoteStep[];
  tally: QuoteTally;
}

/**
 * Checks a pasted quote against the archive: finds the runs of passages most likely to hold it (term
 * index), aligns the quote word by word with each (same analyzer as the index, so case, accents,
 * punctuation and quotation marks never count), and answers with the best place, the word-level diff,
 * a verdict, and the other places that hold the same words.
 */
export function checkQuote(index: LoadedIndex, text: string, baseUrl = ''): QuoteResponse {
  const startedAt = performance.now();
  const quote = readQuote(text);
  const terms = quote.words.map((word) => word.term);
  const tookMs = () => Math.round((performance.now() - startedAt) * 100) / 100;
  if (terms.length === 0) return { verdict: 'not_found', words: 0, tookMs: tookMs() };

  const windows = findQuoteWindows(index, terms, terms.length > LONG_QUOTE_WORDS ? { candidates: 3 } : {});
  const matches: PlaceMatch[] = windows.map((window) => {
    const words = readWindowWords(index, window);
    const steps = alignWords(terms, words.terms, quote.marked);
    return { window, words, steps, tally: tallyQuote(steps, terms.length) };
  });
  matches.sort((a, b) => b.tally.score - a.tally.score || b.window.weight - a.window.weight || a.window.first - b.window.first);
  const best = matches[0];
  const verdict = best ? judgeQuote(best.tally) : 'not_found';
  if (!best || verdict === 'not_found') return { verdict: 'not_found', words: terms.length, tookMs: tookMs() };

  const describe = (match: PlaceMatch): QuoteSource | undefined => describeQuoteSource(index, match.window, match.steps, match.words, match.tally.score / (2 * terms.length), baseUrl);
  const source = describe(best);
  if (!source) return { verdict: 'not_found', words: terms.length, tookMs: tookMs() };
  const others: QuoteOtherPlace[] = [];
  for (const match of matches.slice(1)) {
    if (others.length >= MAX_OTHERS) break;
    const otherVerdict = judgeQuote(match.tally);
    if (otherVerdict !== 'exact' && otherVerdict !== 'close') continue;
    const place = describe(match);
    if (place) others.push({ verdict: otherVerdict, source: place });
  }
  const { changed, added, missing, moved } = best.tally;
  return {
    verdict,
    words: terms.length,
    source,
    diff: describeQuoteDiff(quote, best.steps, best.words, readDocumentText(index, index.entries[best.window.first]!.document)),
    differences: { changed, missing, added, moved },
    ...(others.length === 0 ? {} : { others }),
    tookMs: tookMs(),
  };
}
