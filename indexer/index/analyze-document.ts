import { normalizeTerm, tokenize } from '../analyzer/index.ts';
import type { StoredDocument } from './index-format.ts';

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
 * The analyzer's terms are a function of the written word: a build meets the same words again and again,
 * and folding each once is a third of analysis time. Bounded by the vocabulary of what is indexed.
 */
const termOfWord = new Map<string, string>();

function termOf(word: string): string {
  let term = termOfWord.get(word);
  if (term === undefined) termOfWord.set(word, (term = normalizeTerm(word)));
  return term;
}

/** The terms an analyzing thread has met, numbered in the order met. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  size = 0;

  /** The term's number, and whether it is new. */
  idOf(term: string, added: string[]): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.size++;
      this.ids.set(term, id);
      added.push(term);
    }
    return id;
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
  const variantCounts = new Map<string, Map<string, number>>();
  const out = new Scratch();

  const encodeField = (text: string) => {
    fieldTerms.length = 0;
    distinct.length = 0;
    for (const word of tokenize(text)) {
      const term = termOf(word);
      const id = vocabulary.idOf(term, newTerms);
      if (id >= counts.length) {
        const grownCounts = new Uint32Array(Math.max(counts.length * 2, id + 1));
        grownCounts.set(counts);
        counts = grownCounts;
        cursors = new Uint32Array(counts.length);
      }
      if (word !== term) {
        let forms = variantCounts.get(term);
        if (!forms) variantCounts.set(term, (forms = new Map()));
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
  for (const [term, forms] of variantCounts) for (const [form, count] of forms) variants.push([term, form, count]);
  return { newTerms, postings: out.values.slice(0, out.length), variants };
}
