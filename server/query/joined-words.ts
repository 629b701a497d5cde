import type { AnyNode, ClauseNode, MatchNode, PhraseNode, TermNode } from './query-tree.ts';

const LETTERS_THEN_DIGITS = /^(\p{L}+)(\p{N}+)$/u;
const LETTERS = /^\p{L}+$/u;
const DIGITS = /^\p{N}+$/u;

/**
 * Letters and digits written together or apart are one name: `F16` is also searched as `F-16` (the
 * phrase `f 16`, as the analyzer reads the hyphenated form, `F-16's` included), and `F-16` as `F16`;
 * likewise `covid19` and `COVID-19`. Undefined when the clause is neither.
 */
export function joinedWordForms(clause: ClauseNode | undefined): AnyNode | undefined {
  if (clause?.kind === 'term' && !clause.asWritten) {
    const parts = LETTERS_THEN_DIGITS.exec(clause.term);
    if (!parts) return undefined;
    const apart: PhraseNode = { kind: 'phrase', text: `${parts[1]}-${parts[2]}`, terms: [parts[1]!, parts[2]!] };
    return { kind: 'any', children: [clause, apart] };
  }
  if (clause?.kind === 'phrase' && clause.terms.length === 2 && LETTERS.test(clause.terms[0]!) && DIGITS.test(clause.terms[1]!)) {
    const together: TermNode = { kind: 'term', text: clause.terms.join(''), term: clause.terms.join(''), prefix: false, typos: 0 };
    const children: MatchNode[] = [clause, together];
    return { kind: 'any', children };
  }
  return undefined;
}
