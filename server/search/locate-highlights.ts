import type { IndexFacts } from '../index/index-facts.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { termLabel } from '../query/describe-query.ts';
import type { MatchNode } from '../query/query-tree.ts';
import { MATCH_STRENGTH, type WordHighlight } from './find-highlights.ts';
import type { TermMatch } from './match-term.ts';
import { findTextPosting, findTextPostings, walkPhraseStarts } from './read-postings.ts';
import { normalizeTermCached } from './normalize-term-cached.ts';
import { DEFAULT_EXPANSION_OPTIONS, exactExpansion, lookUpTerm } from './term-lookup.ts';
import type { WordBounds } from './word-bounds.ts';

/** Whether the analyzed form of the word at `start` may start with the letter `first`: an ASCII word's starts with its first letter in lower case. */
function mayStartWith(text: string, start: number, first: number): boolean {
  const code = text.charCodeAt(start);
  if (code >= 128) return true;
  return (code >= 65 && code <= 90 ? code + 32 : code) === first;
}

/** An index term a query term matched, with its label and how it matched. */
interface LocatedTerm {
  termId: number;
  label: string;
  match: TermMatch;
}

/** The highlights of one passage of the index, given its text and the bounds of the text's words. */
export type PassageHighlighter = (passage: number, text: string, words: WordBounds) => WordHighlight[];

/**
 * `createHighlighter` for the passages of the index: which words of a passage match the query, read
 * from the word positions of the index terms the search matched instead of analyzing every word of
 * the text again. The same rules: a phrase's words where the whole phrase stands, labelled with the
 * phrase; otherwise the strongest match (the very word, a completion, another form or near spelling),
 * the first query term on a tie. `words` are the bounds of the passage text's words, for offsets.
 */
export function createPassageHighlighter(index: LoadedIndex, facts: IndexFacts, nodes: readonly MatchNode[]): PassageHighlighter {
  const { terms } = index.terms;
  const phrases = nodes.flatMap((node) =>
    node.kind === 'phrase' ? [{ label: termLabel(node), termIds: node.terms.map((term) => exactExpansion(index, term)[0]?.termId) }] : [],
  );
  const located = nodes.flatMap((node) => {
    if (node.kind !== 'term') return [];
    const label = termLabel(node);
    const expansions: LocatedTerm[] = lookUpTerm(index, facts, node).map(({ termId }) => {
      const term = terms[termId]!;
      const match: TermMatch = term === node.term ? 'exact' : node.prefix && term.startsWith(node.term) ? 'prefix' : 'fuzzy';
      return { termId, label, match };
    });
    // A short prefix has more completions than the search expands to: the others are found in the text.
    const completions = expansions.filter(({ match }) => match === 'prefix').length;
    return [{ node, label, expansions, scanText: node.prefix && node.term !== '' && completions >= DEFAULT_EXPANSION_OPTIONS.prefixLimit }];
  });
  const { positions, positionStarts } = index.terms.fields.text;

  return (passage, text, { starts, ends }) => {
    const chosen = new Map<number, { term: string; match: TermMatch }>();
    for (const { label, termIds } of phrases) {
      if (termIds.some((termId) => termId === undefined)) continue;
      const postings = findTextPostings(index, termIds as number[], passage);
      if (postings === undefined) continue;
      walkPhraseStarts(index, postings, (start) => {
        for (let word = 0; word < postings.length; word += 1) if (!chosen.has(start + word)) chosen.set(start + word, { term: label, match: 'exact' });
      });
    }
    const phraseClaimed = new Set(chosen.keys());
    const claim = (position: number, term: string, match: TermMatch) => {
      if (phraseClaimed.has(position)) return;
      const current = chosen.get(position);
      if (!current || MATCH_STRENGTH[match] > MATCH_STRENGTH[current.match]) chosen.set(position, { term, match });
    };
    for (const { node, label, expansions, scanText } of located) {
      for (const { termId, match } of expansions) {
        const posting = findTextPosting(index, termId, passage);
        if (posting < 0) continue;
        for (let k = positionStarts[posting]!; k < positionStarts[posting + 1]!; k += 1) claim(positions[k]!, label, match);
      }
      if (!scanText) continue;
      const first = node.term.charCodeAt(0);
      for (let position = 0; position < starts.length; position += 1) {
        if (!mayStartWith(text, starts[position]!, first)) continue;
        if (normalizeTermCached(text.slice(starts[position], ends[position])).startsWith(node.term)) claim(position, label, 'prefix');
      }
    }
    const highlights: WordHighlight[] = [];
    for (const [position, { term, match }] of chosen) {
      if (position >= starts.length) continue;
      const start = starts[position]!;
      const end = ends[position]!;
      highlights.push({ index: position, start, end, word: text.slice(start, end), term, match });
    }
    return highlights.sort((a, b) => a.index - b.index);
  };
}
