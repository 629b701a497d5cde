import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryNote } from '../../../server/api/types.ts';
import { describeQuery, listQueryTerms } from '../../../server/query/describe-query.ts';
import { DEFAULT_PARSE_OPTIONS, parseQuery } from '../../../server/query/parse-query.ts';
import type { MatchNode, QueryTree } from '../../../server/query/query-tree.ts';
import { MAX_QUERY_LENGTH } from '../../../server/http/routes/search-route.ts';
import { hostileText, hostileToken, runs, SMALL_INPUT_MS, timed } from './hostile-arbitraries.ts';

const NOTE_CODES = new Set<QueryNote['code']>([
  'unclosed_quote',
  'stray_operator',
  'control_characters',
  'query_truncated',
  'invalid_filter',
  'unsupported_syntax',
  'no_terms',
  'any_word_fallback',
]);

/**
 * Terms are analyzed words: never empty, never holding a control character. (Not "never a space": NFKD
 * turns an isolated Arabic vowel sign such as U+FE74 into a space and a mark, so the analyzer makes the
 * term " " of it, on both sides alike. Reported to the analyzer's owner; harmless to search.)
 */
function expectAnalyzed(term: string): void {
  expect(term.length).toBeGreaterThan(0);
  expect(/[\p{Cc}]/u.test(term)).toBe(false);
}

function expectWellFormed(tree: QueryTree): void {
  expect(tree.clauses.length).toBeLessThanOrEqual(DEFAULT_PARSE_OPTIONS.maxClauses);
  const nodes: MatchNode[] = tree.clauses.flatMap((clause) => (clause.kind === 'any' ? clause.children : clause.kind === 'not' ? [clause.child] : [clause]));
  for (const clause of tree.clauses) if (clause.kind === 'any') expect(clause.children.length).toBeGreaterThanOrEqual(2);
  for (const node of nodes) {
    if (node.kind === 'term') {
      expectAnalyzed(node.term);
      expect(node.typos).toBeGreaterThanOrEqual(0);
      expect(node.typos).toBeLessThanOrEqual(2);
    } else {
      expect(node.terms.length).toBeGreaterThanOrEqual(2);
      node.terms.forEach(expectAnalyzed);
    }
  }
  for (const note of tree.notes) expect(NOTE_CODES.has(note.code)).toBe(true);
  const readAs = describeQuery(tree);
  expect(/\p{Cc}/u.test(readAs)).toBe(false);
  expect(listQueryTerms(tree).length).toBeLessThanOrEqual(nodes.length);
}

describe('the query parser, on hostile queries', () => {
  it('reads any query without throwing, into analyzed terms, within the clause limit', () => {
    fc.assert(
      fc.property(hostileText(60), fc.boolean(), (query, typing) => {
        const { value: tree, ms } = timed(() => parseQuery(query, { typing }));
        expect(ms).toBeLessThan(SMALL_INPUT_MS);
        expectWellFormed(tree);
      }),
      runs(500),
    );
  });

  it('reads the longest query the API accepts, of any make-up, in bounded time', () => {
    fc.assert(
      fc.property(fc.array(hostileToken, { minLength: 1, maxLength: 30 }), (tokens) => {
        const query = tokens.join(' ').repeat(Math.ceil(MAX_QUERY_LENGTH / Math.max(1, tokens.join(' ').length))).slice(0, MAX_QUERY_LENGTH);
        const { value: tree, ms } = timed(() => parseQuery(query));
        expect(ms).toBeLessThan(1000);
        expectWellFormed(tree);
      }),
      runs(40),
    );
  });
});
