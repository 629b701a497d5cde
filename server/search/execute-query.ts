import type { SearchOptions, SearchResult } from 'minisearch';
import type { LoadedIndex, PassageEntry } from '../index/load-index.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import { positiveClauses, type AnyNode, type MatchNode, type NotNode, type PhraseNode, type QueryTree } from '../query/query-tree.ts';
import { buildPassageFilter } from './filter-passages.ts';
import { textHasPhrase } from './find-phrase.ts';
import { toMiniSearchQuery } from './to-minisearch-query.ts';

export interface ExecuteOptions {
  /** Weight of a title-field match against a text match (the title is indexed with a document's first passage). Default 1. */
  titleFieldBoost: number;
  /** Weight of a fuzzy match against an exact one, before edit distance. Default 0.3. */
  fuzzyWeight: number;
  /** Weight of a prefix match against an exact one, before the added letters. Default 0.4. */
  prefixWeight: number;
  /**
   * In the any-word fallback, a word in more than this share of passages ("the", "of") cannot make a
   * passage match on its own, when the query has rarer words. Default 0.5.
   */
  commonWordShare: number;
}

export const DEFAULT_EXECUTE_OPTIONS: ExecuteOptions = { titleFieldBoost: 1, fuzzyWeight: 0.3, prefixWeight: 0.4, commonWordShare: 0.5 };

/** A passage that matched, before ranking. */
export interface Match {
  entry: PassageEntry;
  /** BM25+ from MiniSearch (with its fuzzy and prefix discounts). */
  score: number;
  /** Positive clauses this passage matched with the very word (not a prefix or near spelling). */
  exactClauses: number;
}

export interface ExecutedQuery {
  matches: Match[];
  /** `any` when nothing matched every clause and passages matching some of them are returned instead. */
  matchMode: 'all' | 'any';
}

/**
 * Runs a query tree on the index: MiniSearch retrieves and scores, then phrases are checked against
 * the passage text and field filters applied. When several clauses match nothing together, the
 * query runs again requiring any one of them.
 */
export function executeQuery(index: LoadedIndex, facts: IndexFacts, tree: QueryTree, options: Partial<ExecuteOptions> = {}): ExecutedQuery {
  const settings = { ...DEFAULT_EXECUTE_OPTIONS, ...options };
  const positive = positiveClauses(tree);
  const excluded = tree.clauses.filter((clause): clause is NotNode => clause.kind === 'not');
  if (positive.length === 0 && excluded.length === 0 && tree.filters.length === 0) return { matches: [], matchMode: 'all' };
  const run = (combineWith: 'AND' | 'OR', informative: (MatchNode | AnyNode)[]) => runOnce(index, facts, tree, { positive, informative, excluded, combineWith, settings });
  const all = run('AND', positive);
  if (all.length > 0 || positive.length < 2) return { matches: all, matchMode: 'all' };
  const common = (clause: MatchNode | AnyNode) =>
    clause.kind === 'term' && !clause.prefix && (facts.vocabulary.get(clause.term)?.passages ?? 0) > settings.commonWordShare * index.passages.size;
  const informative = positive.filter((clause) => !common(clause));
  return { matches: run('OR', informative.length > 0 ? informative : positive), matchMode: 'any' };
}

interface RunPlan {
  positive: (MatchNode | AnyNode)[];
  /** Clauses of which a passage must match one in the any-word fallback. */
  informative: (MatchNode | AnyNode)[];
  excluded: NotNode[];
  combineWith: 'AND' | 'OR';
  settings: ExecuteOptions;
}

function runOnce(index: LoadedIndex, facts: IndexFacts, tree: QueryTree, { positive, informative, excluded, combineWith, settings }: RunPlan): Match[] {
  const searchOptions: SearchOptions = { boost: { text: 1, title: settings.titleFieldBoost }, weights: { fuzzy: settings.fuzzyWeight, prefix: settings.prefixWeight } };
  const keep = buildPassageFilter(tree.filters, facts);
  const excludedPhrases = excluded.flatMap(({ child }) => (child.kind === 'phrase' ? [child] : []));
  const phraseHolders = excludedPhrases.map((phrase) => passagesWithWordsOf(index, phrase));
  const matches: Match[] = [];
  // This loop sees every match (all passages for a common word): it allocates nothing per result
  // beyond the match itself, and slices a passage's text only when a phrase must be checked.
  for (const result of index.searchIndex.search(toMiniSearchQuery(positive, excluded, combineWith), searchOptions)) {
    const entry = index.passages.get(result.id as string);
    if (!entry || (keep && !keep(entry))) continue;
    let satisfied = 0;
    let satisfiedInformative = false;
    let exact = 0;
    for (const clause of positive) {
      if (!clauseSatisfied(clause, result.queryTerms, entry)) continue;
      satisfied += 1;
      if (!satisfiedInformative && informative.includes(clause)) satisfiedInformative = true;
      if (clauseExact(clause, result)) exact += 1;
    }
    if (combineWith === 'AND' ? satisfied < positive.length : !satisfiedInformative) continue;
    if (excludedPhrases.some((phrase, at) => phraseHolders[at]!.has(entry.passage.id) && textHasPhrase(passageText(entry), phrase.terms))) continue;
    matches.push({ entry, score: result.score, exactClauses: exact });
  }
  return matches;
}

function passageText({ document, passage }: PassageEntry): string {
  return document.text.slice(passage.start, passage.end);
}

/** Passages holding every word of a phrase: the only ones whose text needs checking for it. */
function passagesWithWordsOf(index: LoadedIndex, phrase: PhraseNode): Set<string> {
  const results = index.searchIndex.search({ combineWith: 'AND', queries: [phrase.terms.join(' ')], prefix: false, fuzzy: false });
  return new Set(results.map((result) => result.id as string));
}

/** `matchedTerms`: the query terms MiniSearch found in the passage (a handful, so a list is fastest). */
function clauseSatisfied(clause: MatchNode | AnyNode, matchedTerms: readonly string[], entry: PassageEntry): boolean {
  if (clause.kind === 'any') return clause.children.some((child) => clauseSatisfied(child, matchedTerms, entry));
  if (clause.kind === 'term') return matchedTerms.includes(clause.term);
  return clause.terms.every((term) => matchedTerms.includes(term)) && textHasPhrase(passageText(entry), clause.terms);
}

function clauseExact(clause: MatchNode | AnyNode, result: SearchResult): boolean {
  if (clause.kind === 'any') return clause.children.some((child) => clauseExact(child, result));
  if (clause.kind === 'phrase') return true;
  return Object.hasOwn(result.match, clause.term);
}
