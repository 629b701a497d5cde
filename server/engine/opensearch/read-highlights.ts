import { findWords } from '../../../indexer/analyzer/index.ts';
import { termLabel } from '../../query/describe-query.ts';
import type { MatchNode } from '../../query/query-tree.ts';
import { findPhraseStarts } from '../../search/find-phrase.ts';
import { MATCH_STRENGTH, type WordHighlight } from '../../search/find-highlights.ts';
import type { TermMatch } from '../../search/match-term.ts';
import { normalizeTermCached } from '../../search/normalize-term-cached.ts';
import { DEFAULT_EXPANSION_OPTIONS } from '../../search/term-lookup.ts';
import { toWordBounds, type WordBounds } from '../../search/word-bounds.ts';
import type { TermExpansions } from './build-clause-query.ts';

/**
 * Private-use characters the highlighter puts around matched text instead of markup: they cannot be
 * mistaken for document text (the indexer's cleaning keeps no private-use characters in passages),
 * and only their positions are used: the snippet is built from offsets, never from this string.
 */
export const HIGHLIGHT_OPEN = '\uE000';
export const HIGHLIGHT_CLOSE = '\uE001';

/** The ranges of `text` the highlighter marked, as offsets into the unmarked text. */
export function readMarkedRanges(marked: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let offset = 0;
  let open = -1;
  for (const char of marked) {
    if (char === HIGHLIGHT_OPEN) open = offset;
    else if (char === HIGHLIGHT_CLOSE) {
      if (open >= 0) ranges.push({ start: open, end: offset });
      open = -1;
    } else offset += char.length;
  }
  return ranges;
}

/**
 * The words of a passage the highlighter marked, labelled as the term index labels its highlights: a
 * phrase's words where the whole phrase stands, otherwise the strongest match among the query's
 * words (the very word, a completion, another form or near spelling), the first on a tie. A typed
 * prefix with more completions than were searched marks every word starting with it, as the term
 * index's highlighter does.
 */
export function labelHighlights(text: string, ranges: readonly { start: number; end: number }[], nodes: readonly MatchNode[], expansions: TermExpansions): { highlights: WordHighlight[]; words: WordBounds } {
  const spans = findWords(text);
  const words = toWordBounds(spans);
  const marked = new Uint8Array(spans.length);
  let range = 0;
  spans.forEach(({ start, end }, at) => {
    while (range < ranges.length && ranges[range]!.end <= start) range += 1;
    if (range < ranges.length && ranges[range]!.start < end) marked[at] = 1;
  });
  const terms = spans.map(({ word }) => normalizeTermCached(word));
  const chosen = new Map<number, { term: string; match: TermMatch }>();
  for (const node of nodes) {
    if (node.kind !== 'phrase') continue;
    for (const start of findPhraseStarts(terms, node.terms)) {
      for (let at = start; at < start + node.terms.length; at += 1) if (marked[at] && !chosen.has(at)) chosen.set(at, { term: termLabel(node), match: 'exact' });
    }
  }
  const claimedByPhrase = new Set(chosen.keys());
  const matchers = nodes.flatMap((node) => {
    if (node.kind !== 'term') return [];
    const found = expansions.get(node) ?? [];
    const byTerm = new Map(found.map(({ term, match }) => [term, match]));
    const scanPrefix = node.prefix && node.term !== '' && found.filter(({ match }) => match === 'prefix').length >= DEFAULT_EXPANSION_OPTIONS.prefixLimit;
    return [{ label: termLabel(node), byTerm, scanPrefix, prefix: node.term }];
  });
  terms.forEach((term, at) => {
    if (claimedByPhrase.has(at)) return;
    for (const { label, byTerm, scanPrefix, prefix } of matchers) {
      const match = byTerm.get(term) ?? (scanPrefix && term.startsWith(prefix) ? 'prefix' : undefined);
      // A word the highlighter marked, or a completion past the searched ones (never marked by it).
      if (match === undefined || (!marked[at] && !(scanPrefix && match === 'prefix' && !byTerm.has(term)))) continue;
      const current = chosen.get(at);
      if (!current || MATCH_STRENGTH[match] > MATCH_STRENGTH[current.match]) chosen.set(at, { term: label, match });
    }
  });
  const highlights = [...chosen]
    .sort(([a], [b]) => a - b)
    .map(([index, { term, match }]) => ({ index, start: spans[index]!.start, end: spans[index]!.end, word: spans[index]!.word, term, match }));
  return { highlights, words };
}
