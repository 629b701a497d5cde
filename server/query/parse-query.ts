import type { QueryNote } from '../api/types.ts';
import { findWordTerms } from './find-word-terms.ts';
import { isFilterField, parseFieldFilter } from './parse-field-filter.ts';
import type { AnyNode, ClauseNode, FieldFilter, MatchNode, QueryTree } from './query-tree.ts';
import { tokenizeQuery, type QueryToken } from './tokenize-query.ts';
import { DEFAULT_TYPO_OPTIONS, typoBudget, type TypoOptions } from './typo-budget.ts';

export interface ParseOptions {
  /** The last word is being typed, so it also matches as a prefix, unless the query ends with a space. Default true. */
  typing: boolean;
  /**
   * A typed last word shorter than this is not a prefix but the word itself: every word starting with
   * one or two letters is noise (`go` would search its 50 most frequent completions, most of the
   * archive); the completions are offered by `/api/suggest` instead. Default 3.
   */
  minTypingPrefix: number;
  /** Characters read; the rest is cut at a word boundary. Default 1000. */
  maxLength: number;
  /** Clauses (words, phrases, OR groups, exclusions) kept; the rest are dropped. Default 32. */
  maxClauses: number;
  typos: TypoOptions;
}

export const DEFAULT_PARSE_OPTIONS: ParseOptions = { typing: true, minTypingPrefix: 3, maxLength: 1000, maxClauses: 32, typos: DEFAULT_TYPO_OPTIONS };

type ItemToken = Extract<QueryToken, { type: 'item' }>;

/** An analyzed number: digits, maybe with decimals (`1000`, `1.2`). */
const NUMBER = /^\p{N}+(?:\.\p{N}+)?$/u;

/**
 * Reads a query into a tree. Never throws: whatever the input, the result is the most sensible
 * reading of it, and every repair is described in `notes`.
 *
 * Grammar: words are ANDed; `a OR b` groups neighbours (OR binds tighter than the implicit AND);
 * `"..."` is a phrase; `-x` or `NOT x` excludes; `field:value` filters (same field repeated: any of them).
 */
export function parseQuery(raw: string, options: Partial<ParseOptions> = {}): QueryTree {
  const settings = { ...DEFAULT_PARSE_OPTIONS, ...options };
  const { tokens, cleaned, notes } = tokenizeQuery(raw, settings.maxLength);
  const clauses: ClauseNode[] = [];
  const filters: FieldFilter[] = [];
  let orPending = false;
  let notPending = false;
  let lastItem: { token: ItemToken; node: MatchNode } | undefined;

  for (const token of tokens) {
    if (token.type === 'or') {
      const previous = clauses[clauses.length - 1];
      if (orPending || notPending || !previous || previous.kind === 'not') notes.push(strayOperator('OR'));
      else orPending = true;
      continue;
    }
    if (token.type === 'not') {
      if (notPending) notes.push(strayOperator('NOT'));
      notPending = true;
      continue;
    }
    const negated = token.negated || notPending;
    notPending = false;
    if (token.field !== undefined && isFilterField(token.field)) {
      if (orPending) notes.push(strayOperator('OR'));
      orPending = false;
      const filter = parseFieldFilter(token.field, token.value, negated);
      if ('kind' in filter) filters.push(filter);
      else notes.push(filter);
      continue;
    }
    const node = toMatchNode(token, settings.typos, notes);
    if (!node) continue;
    lastItem = { token, node };
    if (negated) {
      if (orPending) notes.push(strayOperator('OR'));
      orPending = false;
      // An exclusion removes what it names, not its near spellings.
      if (node.kind === 'term') node.typos = 0;
      clauses.push({ kind: 'not', child: node });
    } else if (orPending) {
      orPending = false;
      const previous = clauses.pop() as MatchNode | AnyNode;
      clauses.push({ kind: 'any', children: [...(previous.kind === 'any' ? previous.children : [previous]), node] });
    } else {
      clauses.push(node);
    }
  }
  if (orPending) notes.push(strayOperator('OR'));
  if (notPending) notes.push(strayOperator('NOT'));

  if (settings.typing && lastItem) markTypedPrefix(lastItem, clauses, cleaned, settings.minTypingPrefix);
  if (clauses.length > settings.maxClauses) {
    clauses.length = settings.maxClauses;
    notes.push({ code: 'query_truncated', message: `Only the first ${settings.maxClauses} words, phrases and exclusions were searched.` });
  }
  if (clauses.length === 0 && filters.length === 0) notes.push({ code: 'no_terms', message: 'The query has no words to search for.' });
  return { clauses, filters, notes };
}

function strayOperator(operator: string): QueryNote {
  return { code: 'stray_operator', message: `An "${operator}" with nothing to join on one side was ignored.` };
}

/** A word becomes a term; several words (quoted, or joined like `F-16` and `U.S.`) become a phrase. */
function toMatchNode(token: ItemToken, typoOptions: TypoOptions, notes: QueryNote[]): MatchNode | undefined {
  // An unknown `name:` is ordinary text: `10:30`, `Note:` in a pasted sentence.
  const written = token.field === undefined ? token.value : `${token.field}:${token.value}`;
  const words = findWordTerms(written);
  if (words.length === 0) return undefined;
  if (words.length > 1) return { kind: 'phrase', text: written, terms: words.map((word) => word.term) };
  const { term } = words[0]!;
  if (token.quoted) return { kind: 'term', text: written, term, prefix: false, typos: 0, asWritten: true };
  if (/^\*+[^*\s]/.test(written)) {
    notes.push({ code: 'unsupported_syntax', message: `A word cannot start with "*": "${written}" was searched as "${words[0]!.word}".` });
  }
  const prefix = written.endsWith('*');
  // An explicit prefix asks for words starting with exactly these letters.
  return { kind: 'term', text: written, term, prefix, typos: prefix ? 0 : typoBudget(term, typoOptions) };
}

/** While typing, the last word is unfinished: let it match as a prefix too. */
function markTypedPrefix(last: { token: ItemToken; node: MatchNode }, clauses: ClauseNode[], cleaned: string, minLength: number): void {
  const { token, node } = last;
  if (node.kind !== 'term' || node.prefix || token.quoted || token.negated || token.end < cleaned.length) return;
  if ([...node.term].length < minLength) return;
  // A number is never a prefix: `1,000` is not 10,000 or 1,000,000 (write `1000*` to ask for those).
  if (NUMBER.test(node.term)) return;
  const final = clauses[clauses.length - 1];
  const owner = final?.kind === 'any' ? final.children[final.children.length - 1] : final;
  if (owner === node) node.prefix = true;
}
