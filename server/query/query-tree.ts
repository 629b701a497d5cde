import type { QueryNote } from '../api/types.ts';

/**
 * The parsed query: a conjunction of clauses, plus field filters. Terms are already analyzed with the
 * shared analyzer (`normalizeTerm`), so whatever it does to words (folding today, stemming later) is
 * done identically to the query and to the index.
 */

/** One word: `coalition`, `intern*`, or the last word while typing. */
export interface TermNode {
  kind: 'term';
  /** As written, for display (`Wilmès`, `intern*`). */
  text: string;
  /** The analyzed term looked up in the index. */
  term: string;
  prefix: boolean;
  /** Edit distance tolerated; 0 for short or quoted words. */
  typos: number;
  /**
   * Other forms of the word in the index, matched as well (`negotiate` for `negotiations`): filled when
   * the query is widened against an index (`widenQuery`), absent for a quoted word.
   */
  variants?: string[];
  /** Quoted: matched as written, without other forms or synonyms. */
  asWritten?: boolean;
}

/** Words that must follow each other in the passage text: `"international cooperation"`. */
export interface PhraseNode {
  kind: 'phrase';
  text: string;
  /** Analyzed terms, in order; at least two (a quoted single word becomes an exact `TermNode`). */
  terms: string[];
}

export type MatchNode = TermNode | PhraseNode;

/** `a OR b OR "c d"`: any of the children. */
export interface AnyNode {
  kind: 'any';
  children: MatchNode[];
}

/** `-word`, `-"a phrase"`: passages containing it are left out. */
export interface NotNode {
  kind: 'not';
  child: MatchNode;
}

export type ClauseNode = MatchNode | AnyNode | NotNode;

export type TextFilterField = 'source' | 'speaker' | 'title' | 'lang';

/** `source:press`, `speaker:"secretary blinken"`, `title:coalit*`, `lang:fr`. */
export interface TextFilter {
  kind: 'filter';
  field: TextFilterField;
  negated: boolean;
  /** As written after the colon. */
  value: string;
  /** Analyzed words of the value. */
  terms: string[];
  /** The last term also matches as a prefix (`title:coalit*`). */
  prefix: boolean;
}

/**
 * Bounds on a document's ISO date. Each bound is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and compares at its
 * own precision: `to: '2021'` keeps every date in 2021.
 */
export interface DateBounds {
  /** Inclusive lower bound. */
  from?: string;
  /** Inclusive upper bound. */
  to?: string;
  /** Exclusive lower bound (`>2019`). */
  after?: string;
  /** Exclusive upper bound (`<2021`). */
  before?: string;
}

/** `year:2021`, `year:2019..2021`, `date:2021-03..2021-06`, `date:>=2020`. */
export interface DateFilter {
  kind: 'filter';
  field: 'date';
  negated: boolean;
  value: string;
  /** Written as `year:` or `date:`, to show it back the same way. */
  writtenAs: 'year' | 'date';
  bounds: DateBounds;
}

export type FieldFilter = TextFilter | DateFilter;

export interface QueryTree {
  clauses: ClauseNode[];
  filters: FieldFilter[];
  notes: QueryNote[];
}

/** Clauses a passage must (or, in the any-word fallback, may) match: everything but the exclusions. */
export function positiveClauses(tree: QueryTree): (MatchNode | AnyNode)[] {
  return tree.clauses.filter((clause): clause is MatchNode | AnyNode => clause.kind !== 'not');
}

/** Every term or phrase that can produce a highlight, in query order. */
export function matchNodes(tree: QueryTree): MatchNode[] {
  return positiveClauses(tree).flatMap((clause) => (clause.kind === 'any' ? clause.children : [clause]));
}
