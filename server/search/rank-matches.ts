import type { IndexFacts } from '../index/index-facts.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { termLabel } from '../query/describe-query.ts';
import { matchNodes, positiveClauses, type MatchNode, type QueryTree } from '../query/query-tree.ts';
import type { Match } from './execute-query.ts';
import { createTermLocator } from './locate-terms.ts';
import { countInPassageText, passagesWithTitleTerm } from './read-postings.ts';
import { findStemRelatives } from './stem-groups.ts';
import { exactExpansion, lookUpTerm, type Expansion } from './term-lookup.ts';
import { measureProximity } from './measure-proximity.ts';
import { selectTop } from './select-top.ts';

export interface RankOptions {
  /** Score multiplier gained when every query term is in the document's title: 1 + titleBoost × share of terms. Default 0.5. */
  titleBoost: number;
  /** Score multiplier gained when the query terms stand side by side: 1 + proximityBoost × closeness. Default 1. */
  proximityBoost: number;
  /** How many of the best passages are re-scored for proximity: the first three pages. Default 30. */
  rescoreWindow: number;
  /** How many of the best matches must come out, in order (the end of the requested page); the rest are left out. Default all. */
  needed: number;
  /** Score multiplier for holding part of the query: (clauses matched / clauses) ^ coordinationPower. Default 2. */
  coordinationPower: number;
  /** Score multiplier gained, within the rescore window, for words of a query word's family that are not its forms (`immigrants` for `immigration`): 1 + relatedBoost × n / (n + 1) for n of them. */
  relatedBoost: number;
}

export const DEFAULT_RANK_OPTIONS: RankOptions = { titleBoost: 0.5, proximityBoost: 1, rescoreWindow: 30, needed: Infinity, coordinationPower: 2, relatedBoost: 0.5 };

/** A match with its final score. */
export interface RankedMatch extends Match {
  rank: number;
}

/**
 * Orders matches: passages that matched more clauses with the very word come first (when every clause
 * matched; in the any-word fallback, BM25 alone decides, so a common word cannot lift a passage over
 * a rare one); then BM25+ (whose IDF keeps stop words from drowning rare words), lifted for query terms
 * in the document title and, within the rescore window, for query terms close together; then corpus
 * order, so equal passages never swap between requests or pages. Only the best `needed` (at least the
 * rescore window) come out: the rest are neither sorted nor copied.
 */
export function rankMatches(index: LoadedIndex, matches: readonly Match[], tree: QueryTree, facts: IndexFacts, matchMode: 'all' | 'any', options: Partial<RankOptions> = {}): RankedMatch[] {
  const settings = { ...DEFAULT_RANK_OPTIONS, ...options };
  const nodes = matchNodes(tree);
  const { rankOf } = prepareRanks(index, tree, facts, settings);
  // Every match passes through here: one number each in a typed array, no object.
  const ranks = new Float64Array(matches.length);
  for (let at = 0; at < matches.length; at += 1) ranks[at] = rankOf(matches[at]!);
  const compareAt = (a: number, b: number) => compareRanked(matches[a]!, ranks[a]!, matches[b]!, ranks[b]!, matchMode);
  const count = Math.min(matches.length, Math.max(settings.needed, settings.rescoreWindow));
  const ordered: RankedMatch[] = selectTop(matches.length, count, compareAt).map((at) => {
    const { passage, entry, score, exactClauses, matchedClauses } = matches[at]!;
    return { passage, entry, score, exactClauses, matchedClauses, rank: ranks[at]! };
  });
  const related = settings.relatedBoost > 0 ? relatedWordsOf(index, facts, nodes) : [];
  if (nodes.length < 2 && related.length === 0) return ordered;

  const widths = new Map(nodes.map((node) => [termLabel(node), node.kind === 'phrase' ? node.terms.length : 1]));
  const window = ordered.slice(0, settings.rescoreWindow);
  // Word positions from the index: re-analyzing each passage's text cost most of a query's time.
  const locate = nodes.length < 2 ? undefined : createTermLocator(index, facts, nodes);
  for (const match of window) {
    const closeness = locate ? measureProximity(locate(match.passage), widths) : undefined;
    if (closeness !== undefined) match.rank *= 1 + settings.proximityBoost * closeness;
    if (related.length > 0) {
      const held = countInPassageText(index, related, match.passage);
      match.rank *= 1 + (settings.relatedBoost * held) / (held + 1);
    }
  }
  window.sort((a, b) => compareRanked(a, a.rank, b, b.rank, matchMode));
  return [...window, ...ordered.slice(window.length)];
}

/** How a match's rank before proximity is worked out for a query, and the most its title factor can be. */
export interface PreparedRanks {
  /** Score × coverage × title factor: the rank before the proximity rescore. */
  rankOf: (match: Pick<Match, 'passage' | 'score' | 'matchedClauses'>) => number;
  /** The largest title factor of any passage for this query (1 when no title holds a query term). */
  maxTitleFactor: number;
  /** The coverage factor of a match holding that many of the query's clauses. */
  coverage: readonly number[];
}

/** Ranks prepared per query tree: the pruned search and the ranking of its matches ask for the same. */
const preparedRanks = new WeakMap<QueryTree, { index: LoadedIndex; titleBoost: number; coordinationPower: number; ranks: PreparedRanks }>();

/** The parts of a rank that depend on the query only, worked out once per query: which titles hold its terms, the coverage factors. */
export function prepareRanks(index: LoadedIndex, tree: QueryTree, facts: IndexFacts, settings: Pick<RankOptions, 'titleBoost' | 'coordinationPower'> = DEFAULT_RANK_OPTIONS): PreparedRanks {
  const { titleBoost, coordinationPower } = settings;
  const known = preparedRanks.get(tree);
  if (known && known.index === index && known.titleBoost === titleBoost && known.coordinationPower === coordinationPower) return known.ranks;
  const ranks = buildRanks(index, tree, facts, settings);
  preparedRanks.set(tree, { index, titleBoost, coordinationPower, ranks });
  return ranks;
}

function buildRanks(index: LoadedIndex, tree: QueryTree, facts: IndexFacts, settings: Pick<RankOptions, 'titleBoost' | 'coordinationPower'>): PreparedRanks {
  const nodes = matchNodes(tree);
  // Which documents' titles hold each query term, from the title postings: one look-up per term,
  // not an edit-distance check per title word per document.
  const titled = nodes.map((node) =>
    node.kind === 'term'
      ? passagesWithTitleTerm(index, lookUpTerm(index, facts, node))
      : intersect(node.terms.map((term) => passagesWithTitleTerm(index, exactExpansion(index, term)))),
  );
  // Query terms in the title, by document (numbered in passage order): one look-up per match, and an
  // array of documents, not of passages, made per query.
  let titledAny = false;
  for (const passages of titled) if (passages.size > 0) titledAny = true;
  const documentOf = titledAny ? documentsOf(index) : undefined;
  const titleTerms = documentOf ? new Uint8Array(documentOf.count) : undefined;
  if (titleTerms) for (const passages of titled) for (const passage of passages) titleTerms[documentOf!.of[passage]!] = Math.min(255, titleTerms[documentOf!.of[passage]!]! + 1);
  const clauseCount = positiveClauses(tree).length;
  const coverage = Array.from({ length: clauseCount + 1 }, (_, matched) => (clauseCount === 0 ? 1 : (matched / clauseCount) ** settings.coordinationPower));
  const documentOfPassage = documentOf?.of;
  let mostTitleTerms = 0;
  if (titleTerms) for (const count of titleTerms) mostTitleTerms = Math.max(mostTitleTerms, count);
  return {
    rankOf: ({ passage, score, matchedClauses }) => {
      const share = documentOfPassage === undefined ? 0 : titleTerms![documentOfPassage[passage]!]! / nodes.length;
      return score * (coverage[matchedClauses] ?? 1) * (1 + settings.titleBoost * share);
    },
    maxTitleFactor: nodes.length === 0 ? 1 : 1 + settings.titleBoost * (mostTitleTerms / nodes.length),
    coverage,
  };
}

/** Each query word's family terms, per index, kept for the words typed most recently (a query grows a word at a time). */
const relatives = new WeakMap<LoadedIndex, Map<string, Expansion[]>>();
const KEPT_RELATIVES = 4096;

/** The index terms of a query word's family that are not its forms, as exact terms (see `findStemRelatives`). */
function relativesOf(index: LoadedIndex, term: string): Expansion[] {
  let kept = relatives.get(index);
  if (!kept) relatives.set(index, (kept = new Map()));
  let found = kept.get(term);
  if (!found) {
    found = findStemRelatives(index, term).flatMap((word) => exactExpansion(index, word));
    kept.set(term, found);
    if (kept.size > KEPT_RELATIVES) kept.delete(kept.keys().next().value!);
  }
  return found;
}

/**
 * The family terms of all the query's words (see `relativesOf`), each once, less the terms a query word
 * matches (`immigrants immigration`: `immigrants` is matched, and scored, as a word of the query).
 */
function relatedWordsOf(index: LoadedIndex, facts: IndexFacts, nodes: readonly MatchNode[]): Expansion[] {
  const terms = nodes.flatMap((node) => (node.kind === 'term' ? relativesOf(index, node.term) : []));
  if (terms.length === 0) return terms;
  const matched = new Set(nodes.flatMap((node) => (node.kind === 'term' ? lookUpTerm(index, facts, node) : node.terms.flatMap((term) => exactExpansion(index, term)))).map(({ termId }) => termId));
  return terms.filter((expansion, at) => !matched.has(expansion.termId) && terms.findIndex((other) => other.termId === expansion.termId) === at);
}

const documentNumbers = new WeakMap<LoadedIndex, { of: Uint32Array; count: number }>();

/**
 * Each passage's document, numbered in passage order (a document's passages lie together, its first
 * passage carrying the title). Made when the index is warmed (warm-index.ts): the first query with a
 * word in a title would otherwise wait for it (20 ms at x64 with a callback per passage).
 */
export function documentsOf(index: LoadedIndex): { of: Uint32Array; count: number } {
  let numbers = documentNumbers.get(index);
  if (!numbers) {
    const of = new Uint32Array(index.entries.length);
    let count = 0;
    for (let passage = 0; passage < of.length; passage += 1) {
      if (passage === 0 || index.entries[passage]!.passage.ordinal === 0) count += 1;
      of[passage] = count - 1;
    }
    numbers = { of, count };
    documentNumbers.set(index, numbers);
  }
  return numbers;
}

export function compareRanked(a: Match, aRank: number, b: Match, bRank: number, matchMode: 'all' | 'any'): number {
  if (matchMode === 'all' && a.exactClauses !== b.exactClauses) return b.exactClauses - a.exactClauses;
  if (aRank !== bRank) return bRank - aRank;
  if (a.entry.document.path !== b.entry.document.path) return a.entry.document.path < b.entry.document.path ? -1 : 1;
  return a.entry.passage.ordinal - b.entry.passage.ordinal;
}

function intersect(sets: Set<number>[]): Set<number> {
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((value) => rest.every((set) => set.has(value))));
}
