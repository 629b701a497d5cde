import type { AnyNode, ClauseNode, MatchNode, PhraseNode, QueryTree, TermNode } from './query-tree.ts';
import { joinedWordForms } from './joined-words.ts';
import { scaleNumber, writeWithScale } from './number-forms.ts';
import type { SynonymForm, SynonymTable } from './synonyms.ts';

/** What a query is widened with: the index's other forms of a word, and the synonym groups. */
export interface QueryWidening {
  /** Index terms that share the term's stem in a language of the archive (`findStemVariants`). */
  stemVariants: (term: string) => string[];
  synonyms: SynonymTable;
}

export interface WidenedQuery {
  tree: QueryTree;
  /** Synonyms added to the query, as the synonyms file writes them, for the response's `alsoSearched`. */
  alsoSearched: string[];
}

/**
 * Widens a parsed query against an archive: a word or run of words that is a form of a synonym group
 * becomes an OR of every form of the group (`isis` -> `(isis OR isil OR daesh OR "islamic state")`),
 * and every word that is not quoted also matches the other forms of it in the index (stems in every
 * language the archive holds). Exclusions stay as written: `-negotiations` removes what it names.
 */
export function widenQuery(tree: QueryTree, expansion: QueryWidening): WidenedQuery {
  const alsoSearched: string[] = [];
  const clauses: ClauseNode[] = [];
  for (let at = 0; at < tree.clauses.length; ) {
    const number = findNumber(tree.clauses, at);
    if (number) {
      clauses.push(number.clause);
      at += number.length;
      continue;
    }
    const found = findSynonym(tree.clauses, at, expansion.synonyms);
    if (!found) {
      clauses.push(joinedWordForms(tree.clauses[at]) ?? tree.clauses[at]!);
      at += 1;
      continue;
    }
    const typed = tree.clauses.slice(at, at + found.length) as (TermNode | PhraseNode)[];
    const original: MatchNode =
      typed.length === 1 ? typed[0]! : { kind: 'phrase', text: typed.map((node) => node.text).join(' '), terms: found.form.terms };
    const others = found.group.filter((form) => form !== found.form);
    alsoSearched.push(...others.map((form) => form.text));
    clauses.push({ kind: 'any', children: [original, ...others.map(toMatchNode)] });
    at += typed.length;
  }
  const withVariants = clauses.map((clause) => addVariants(clause, expansion.stemVariants));
  return { tree: { ...tree, clauses: withVariants }, alsoSearched: [...new Set(alsoSearched)] };
}

/**
 * The longest synonym form spelled at `at`: by one phrase clause (`"islamic state"`, `COVID-19`) or
 * by a run of plain words (`islamic state`). `length` is the number of clauses it takes.
 */
function findSynonym(clauses: readonly ClauseNode[], at: number, synonyms: SynonymTable): { form: SynonymForm; group: SynonymForm[]; length: number } | undefined {
  const first = clauses[at];
  if (first?.kind === 'phrase') {
    const found = (synonyms.byFirstTerm.get(first.terms[0]!) ?? []).find(({ form }) => form.terms.join(' ') === first.terms.join(' '));
    return found && { ...found, length: 1 };
  }
  if (first?.kind !== 'term' || first.asWritten) return undefined;
  let best: { form: SynonymForm; group: SynonymForm[]; length: number } | undefined;
  for (const candidate of synonyms.byFirstTerm.get(first.term) ?? []) {
    const spelled = candidate.form.terms.every((term, offset) => {
      const clause = clauses[at + offset];
      return clause?.kind === 'term' && !clause.asWritten && clause.term === term;
    });
    if (spelled && (!best || candidate.form.terms.length > best.length)) best = { ...candidate, length: candidate.form.terms.length };
  }
  return best;
}

/**
 * A number with a scale word (`670 million`: two plain words) or a large number in digits
 * (`670,000,000`), as an OR of both ways of writing it.
 */
function findNumber(clauses: readonly ClauseNode[], at: number): { clause: AnyNode; length: number } | undefined {
  const first = clauses[at];
  if (first?.kind !== 'term' || first.asWritten) return undefined;
  const next = clauses[at + 1];
  const digits = next?.kind === 'term' && !next.asWritten ? scaleNumber(first.term, next.term) : undefined;
  if (digits !== undefined && next?.kind === 'term') {
    const written: PhraseNode = { kind: 'phrase', text: `${first.text} ${next.text}`, terms: [first.term, next.term] };
    return { clause: { kind: 'any', children: [written, { kind: 'term', text: digits, term: digits, prefix: false, typos: 0 }] }, length: 2 };
  }
  const scaled = writeWithScale(first.term);
  if (scaled.length === 0) return undefined;
  const children: MatchNode[] = [first, ...scaled.map(([number, scale]): PhraseNode => ({ kind: 'phrase', text: `${number} ${scale}`, terms: [number, scale] }))];
  return { clause: { kind: 'any', children }, length: 1 };
}

function toMatchNode(form: SynonymForm): MatchNode {
  if (form.terms.length > 1) return { kind: 'phrase', text: form.text, terms: form.terms };
  return { kind: 'term', text: form.text, term: form.terms[0]!, prefix: false, typos: 0 };
}

function addVariants(clause: ClauseNode, stemVariants: (term: string) => string[]): ClauseNode {
  if (clause.kind === 'any') return { ...clause, children: clause.children.map((child) => withVariants(child, stemVariants)) } satisfies AnyNode;
  if (clause.kind === 'not') return clause;
  return withVariants(clause, stemVariants);
}

function withVariants(node: MatchNode, stemVariants: (term: string) => string[]): MatchNode {
  // A `prefix*` asks for words starting with these letters as written: `international*` is not `internal`
  // (both stem to `intern`). The word being typed is a word too, so it keeps its other forms.
  if (node.kind !== 'term' || node.asWritten || isExplicitPrefix(node)) return node;
  const variants = stemVariants(node.term);
  return variants.length === 0 ? node : { ...node, variants };
}

/** A word written with `*`, not the last word made a prefix because it is being typed. */
function isExplicitPrefix(node: TermNode): boolean {
  return node.prefix && node.text.endsWith('*');
}
