import type { QuoteResponse } from '../../../server/api/types.ts';
import { readQuote } from '../../../server/quote/read-quote.ts';
import type { QuoteCase, QuoteVariant } from './make-quote-set.ts';

/** How one check of a quote variant went. */
export interface VariantScore {
  /** The source is where the quote was cut from, or a place with the very same words. */
  found: boolean;
  /** Found at a place with the same words other than the one it was cut from (a repeated line). */
  foundElsewhere: boolean;
  /** Differences the variant was given, and how many of them the diff named. */
  truthDifferences: number;
  namedTrue: number;
  /** Differences the diff named (changed and added quote words, missing source words without a mark). */
  named: number;
}

const termsOf = (text: string) => readQuote(text).words.map((word) => word.term).join(' ');

/**
 * Scores a quote check: top-1 is right when the source overlaps the place the quote was cut from, or
 * holds the same words. A changed word is named when the diff marks that quote word changed or
 * added; a dropped word when a `missing` part without a mark holds its term, just before the quote
 * word that followed it.
 */
export function scoreQuoteCheck(quote: QuoteCase, variant: QuoteVariant, documentText: string, response: QuoteResponse): VariantScore {
  const source = response.source;
  const overlaps = source !== undefined && source.docId === quote.docId && source.quoteStart < quote.end && source.quoteEnd > quote.start;
  const sameWords = source !== undefined && !overlaps && termsOf(source.quoted) === termsOf(documentText.slice(quote.start, quote.end));
  const truth = new Set(variant.changed);
  let position = 0;
  let named = 0;
  let namedTrue = 0;
  for (const part of response.diff ?? []) {
    if (part.kind === 'missing') {
      if (part.marked) continue;
      const terms = readQuote(part.source ?? '').words.map((word) => word.term);
      named += terms.length;
      if (variant.dropped && position === variant.dropped.before && terms.includes(variant.dropped.term)) namedTrue += 1;
      continue;
    }
    const count = readQuote(part.quote ?? '').words.length;
    if (part.kind === 'changed' || part.kind === 'added') {
      for (let at = position; at < position + count; at += 1) {
        named += 1;
        if (truth.has(at)) namedTrue += 1;
      }
    }
    position += count;
  }
  return { found: overlaps || sameWords, foundElsewhere: sameWords, truthDifferences: truth.size + (variant.dropped ? 1 : 0), namedTrue, named };
}
