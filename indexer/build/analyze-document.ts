import { normalizeTerm, tokenize } from '../analyzer/index.ts';
import type { StoredDocument } from '../index/index-format.ts';

/**
 * One document's passages as the term index stores them, analyzed once: compact enough to pass between
 * threads and to merge into the index without looking at the text again.
 */
export interface DocumentAnalysis {
  /**
   * Terms the analyzing thread's vocabulary met for the first time in this document, in the order it
   * numbered them: `postings` refers to terms by their number in that vocabulary, which grows from
   * document to document, so the merge maps each term once per thread instead of once per document.
   */
  newTerms: string[];
  /**
   * For each passage in order, the text field then the title field, each as: its length in terms, the
   * number of distinct terms, then per term its number, its count and its word positions (ascending).
   * The title counts on a document's first passage only (see `analyzeDocument`).
   */
  postings: Uint32Array;
  /** Written forms that differ from their term (`Wilmès` for `wilmes`), with how often: [term, form, count]. */
  variants: [string, string, number][];
}

/**
 * The terms an analyzing thread has met, numbered in the order met, and the written words it has
 * folded into them. A build meets the same words again and again: one look-up of the written word
 * gives its term's number, and the analyzer runs once per distinct word.
 */
export class Vocabulary {
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** Written word -> its term's number × 2, plus 1 when the word is written otherwise than its term. */
  private readonly wordCodes = new Map<string, number>();

  /** The word's code (see `wordCodes`); a term met for the first time is appended to `added`. */
  codeOf(word: string, added: string[]): number {
    let code = this.wordCodes.get(word);
    if (code === undefined) {
      const term = normalizeTerm(word);
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        added.push(term);
      }
      code = id * 2 + (term === word ? 0 : 1);
      this.wordCodes.set(word, code);
    }
    return code;
  }
}

/** A growable list of u32 reused from passage to passage. */
class Scratch {
  values = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

// Per term number: how often it occurs in the field being encoded, and where its positions go. All
// zero between fields; shared by the documents a thread analyzes, one after the other.
let counts = new Uint32Array(1024);
let cursors = new Uint32Array(1024);
const fieldTerms = new Scratch();
const distinct = new Scratch();

/**
 * Analyzes a document's title and passages through the one analyzer. The title is indexed with a
 * document's first passage only: on every passage it would make each of them match a title word that
 * its text does not show.
 */
export function analyzeDocument(document: StoredDocument, vocabulary = new Vocabulary()): DocumentAnalysis {
  const newTerms: string[] = [];
  const variantCounts = new Map<number, Map<string, number>>();
  const out = new Scratch();

  const encodeField = (text: string) => {
    fieldTerms.length = 0;
    distinct.length = 0;
    for (const word of tokenize(text)) {
      const code = vocabulary.codeOf(word, newTerms);
      const id = code >>> 1;
      if (id >= counts.length) {
        const grownCounts = new Uint32Array(Math.max(counts.length * 2, id + 1));
        grownCounts.set(counts);
        counts = grownCounts;
        cursors = new Uint32Array(counts.length);
      }
      if (code & 1) {
        let forms = variantCounts.get(id);
        if (!forms) variantCounts.set(id, (forms = new Map()));
        forms.set(word, (forms.get(word) ?? 0) + 1);
      }
      if (counts[id] === 0) distinct.push(id);
      counts[id] = counts[id]! + 1;
      fieldTerms.push(id);
    }
    out.push(fieldTerms.length);
    out.push(distinct.length);
    // Lay out each distinct term's slot (number, count, positions), then drop positions into the slots.
    let at = out.length;
    for (let k = 0; k < distinct.length; k += 1) {
      const id = distinct.values[k]!;
      cursors[id] = at + 2;
      at += 2 + counts[id]!;
    }
    while (out.values.length < at) {
      const grown = new Uint32Array(out.values.length * 2);
      grown.set(out.values.subarray(0, out.length));
      out.values = grown;
    }
    for (let k = 0; k < distinct.length; k += 1) {
      const id = distinct.values[k]!;
      const slot = cursors[id]! - 2;
      out.values[slot] = id;
      out.values[slot + 1] = counts[id]!;
    }
    for (let position = 0; position < fieldTerms.length; position += 1) {
      const id = fieldTerms.values[position]!;
      out.values[cursors[id]!] = position;
      cursors[id] = cursors[id]! + 1;
    }
    for (let k = 0; k < distinct.length; k += 1) counts[distinct.values[k]!] = 0;
    out.length = at;
  };

  // The title first: its written forms count before the text's, as a reader meets them.
  const titleStart = out.length;
  encodeField(document.title);
  const title = out.values.slice(titleStart, out.length);
  out.length = titleStart;
  const emptyField = () => {
    out.push(0);
    out.push(0);
  };
  for (const passage of document.passages) {
    encodeField(document.text.slice(passage.start, passage.end));
    if (passage.ordinal === 0) for (const value of title) out.push(value);
    else emptyField();
  }
  const variants: [string, string, number][] = [];
  for (const [id, forms] of variantCounts) for (const [form, count] of forms) variants.push([vocabulary.terms[id]!, form, count]);
  return { newTerms, postings: out.values.slice(0, out.length), variants };
}
