import type { IndexFacts } from '../index/index-facts.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';
import { termLabel } from '../query/describe-query.ts';
import { matchNodes, positiveClauses, type QueryTree } from '../query/query-tree.ts';
import type { Match } from './execute-query.ts';
import { createTermLocator } from './locate-terms.ts';
import { passagesWithTitleTerm } from './read-postings.ts';
import { exactExpansion, lookUpTerm } from './term-lookup.ts';
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
}

export const DEFAULT_RANK_OPTIONS: RankOptions = { titleBoost: 0.5, proximityBoost: 1, rescoreWindow: 30, needed: Infinity, coordinationPower: 2 };

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
  if (nodes.length < 2) return ordered;

  const widths = new Map(nodes.map((node) => [termLabel(node), node.kind === 'phrase' ? node.terms.length : 1]));
  const window = ordered.slice(0, settings.rescoreWindow);
  // Word positions from the index: re-analyzing each passage's text cost most of a query's time.
  const locate = createTermLocator(index, facts, nodes);
  for (const match of window) {
    const closeness = measureProximity(locate(match.passage), widths);
    if (closeness !== undefined) match.rank *= 1 + settings.proximityBoost * closeness;
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
  // Query terms in the title, by a document's first passage (0 for the others): one look-up per match.
  let titledAny = false;
  for (const passages of titled) if (passages.size > 0) titledAny = true;
  const titleTerms = titledAny ? new Uint8Array(index.terms.passageCount) : undefined;
  if (titleTerms) for (const passages of titled) for (const passage of passages) titleTerms[passage] = Math.min(255, titleTerms[passage]! + 1);
  const clauseCount = positiveClauses(tree).length;
  const coverage = Array.from({ length: clauseCount + 1 }, (_, matched) => (clauseCount === 0 ? 1 : (matched / clauseCount) ** settings.coordinationPower));
  const firstPassage = titleTerms === undefined ? undefined : firstPassagesOf(index);
  let mostTitleTerms = 0;
  for (const passages of titled) for (const passage of passages) mostTitleTerms = Math.max(mostTitleTerms, titleTerms![passage]!);
  return {
    rankOf: ({ passage, score, matchedClauses }) => {
      const share = firstPassage === undefined ? 0 : titleTerms![firstPassage[passage]!]! / nodes.length;
      return score * (coverage[matchedClauses] ?? 1) * (1 + settings.titleBoost * share);
    },
    maxTitleFactor: nodes.length === 0 ? 1 : 1 + settings.titleBoost * (mostTitleTerms / nodes.length),
    coverage,
  };
}

const firstPassages = new WeakMap<LoadedIndex, Uint32Array>();

/** The first passage of each passage's document (the one indexed with the title), by passage number. */
function firstPassagesOf(index: LoadedIndex): Uint32Array {
  let first = firstPassages.get(index);
  if (!first) {
    first = Uint32Array.from(index.entries, (entry, passage) => passage - entry.passage.ordinal);
    firstPassages.set(index, first);
  }
  return first;
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
