import type { QueryTermInfo } from '../api/types.ts';
import { matchNodes, type ClauseNode, type FieldFilter, type MatchNode, type QueryTree } from './query-tree.ts';

/**
 * The query in canonical form, showing how it was read: analyzed terms, `*` on prefixes (including the
 * word being typed), `~` on words that tolerate typos, explicit `OR` groups in parentheses.
 */
export function describeQuery(tree: QueryTree): string {
  const parts = tree.clauses.map(describeClause);
  for (const [field, values] of groupFilters(tree.filters)) {
    const written = values.map(describeFilterValue);
    parts.push(written.length === 1 ? `${field}:${written[0]}` : `${field}:(${written.join(' OR ')})`);
  }
  for (const filter of tree.filters.filter((f) => f.negated)) parts.push(`-${filterName(filter)}:${describeFilterValue(filter)}`);
  return parts.join(' ');
}

/** The terms of the query as the client shows them, with how each is matched. */
export function listQueryTerms(tree: QueryTree): QueryTermInfo[] {
  return matchNodes(tree).map((node) => ({
    text: termLabel(node),
    kind: node.kind === 'term' ? 'word' : 'phrase',
    prefix: node.kind === 'term' && node.prefix,
    typos: node.kind === 'term' ? node.typos : 0,
  }));
}

/** The label a highlight carries: the term as the query shows it. */
export function termLabel(node: MatchNode): string {
  return node.kind === 'term' ? node.term : `"${node.terms.join(' ')}"`;
}

function describeMatch(node: MatchNode): string {
  if (node.kind === 'phrase') return termLabel(node);
  return `${node.term}${node.prefix ? '*' : ''}${node.typos > 0 ? `~${node.typos}` : ''}`;
}

function describeClause(clause: ClauseNode): string {
  if (clause.kind === 'not') return `-${describeMatch(clause.child)}`;
  if (clause.kind === 'any') return `(${clause.children.map(describeMatch).join(' OR ')})`;
  return describeMatch(clause);
}

function filterName(filter: FieldFilter): string {
  return filter.field === 'date' ? filter.writtenAs : filter.field;
}

function describeFilterValue(filter: FieldFilter): string {
  return /\s/.test(filter.value) ? `"${filter.value}"` : filter.value;
}

/** Included filters by written field name, in first-seen order (a repeated field is an OR). */
function groupFilters(filters: FieldFilter[]): Map<string, FieldFilter[]> {
  const groups = new Map<string, FieldFilter[]>();
  for (const filter of filters) {
    if (filter.negated) continue;
    const name = filterName(filter);
    groups.set(name, [...(groups.get(name) ?? []), filter]);
  }
  return groups;
}
