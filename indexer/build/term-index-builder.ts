import type { DocumentAnalysis } from './analyze-document.ts';
import { sumPositionStarts, TERM_INDEX_FIELDS, type FieldPostings, type TermIndex, type TermIndexField } from '../index/term-index.ts';

/** Passages of a previous index that a build keeps: `passageMap[old]` is the new number, or -1 for a passage dropped. */
export interface KeptPassages {
  index: TermIndex;
  passageMap: Int32Array;
}

/** A document added: its analysis, where its passages start, and whose vocabulary numbers its terms. */
interface Added {
  firstPassage: number;
  vocabulary: number;
  postings: Uint32Array;
}

/** Per term, a field's posting and position counts, growing with the vocabulary. */
class FieldCounts {
  postings = new Uint32Array(1024);
  positions = new Uint32Array(1024);

  ensure(size: number): void {
    if (size <= this.postings.length) return;
    const length = Math.max(size, this.postings.length * 2);
    for (const name of ['postings', 'positions'] as const) {
      const grown = new Uint32Array(length);
      grown.set(this[name]);
      this[name] = grown;
    }
  }
}

/**
 * Builds the term index from analyzed documents, each given with the number of its first passage, and
 * merges in the postings a previous index holds for the passages a build keeps (an incremental build
 * analyzes only what changed). Postings are counted as documents come and written once, at their
 * place, at the end: no per-term lists that grow and are copied. The result depends only on what each
 * passage holds, not on which documents came from where: an incremental build gives the bytes a full build gives.
 */
export class TermIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per vocabulary (an analyzing thread's), its term numbers -> this builder's. */
  private readonly vocabularies: number[][] = [];
  private readonly counts: Record<TermIndexField, FieldCounts> = { text: new FieldCounts(), title: new FieldCounts() };
  private readonly added: Added[] = [];
  /** Term -> written form -> occurrences, for the forms that differ from the term. */
  private readonly variants = new Map<string, Map<string, number>>();

  /** Adds a document's passages, numbered from `firstPassage`, analyzed with vocabulary number `vocabulary`. */
  add(firstPassage: number, analysis: DocumentAnalysis, vocabulary = 0): void {
    const mapping = (this.vocabularies[vocabulary] ??= []);
    for (const term of analysis.newTerms) mapping.push(this.idOf(term));
    for (const field of TERM_INDEX_FIELDS) this.counts[field].ensure(this.terms.length);
    const { postings } = analysis;
    const text = this.counts.text;
    const title = this.counts.title;
    let at = 0;
    while (at < postings.length) {
      for (let field = 0; field < 2; field += 1) {
        const counts = field === 0 ? text : title;
        const distinct = postings[at + 1]!;
        at += 2;
        for (let k = 0; k < distinct; k += 1) {
          const id = mapping[postings[at]!]!;
          const freq = postings[at + 1]!;
          counts.postings[id] = counts.postings[id]! + 1;
          counts.positions[id] = counts.positions[id]! + freq;
          at += 2 + freq;
        }
      }
    }
    this.added.push({ firstPassage, vocabulary, postings });
    for (const [term, form, count] of analysis.variants) this.addVariant(term, form, count);
  }

  /** Counts written forms of a term that differ from it (those of documents whose analysis is not redone). */
  addVariant(term: string, form: string, count: number): void {
    let forms = this.variants.get(term);
    if (!forms) this.variants.set(term, (forms = new Map()));
    forms.set(form, (forms.get(form) ?? 0) + count);
  }

  /** The index of `passageCount` passages: those added and those kept from a previous index. */
  finish(passageCount: number, kept?: KeptPassages): TermIndex {
    const order = this.terms.map((_, id) => id).sort((a, b) => compareStrings(this.terms[a]!, this.terms[b]!));
    const rank = new Uint32Array(this.terms.length);
    order.forEach((id, at) => (rank[id] = at));
    const terms = order.map((id) => this.terms[id]!);
    const fields = {} as Record<TermIndexField, FieldPostings>;
    for (const [field, name] of TERM_INDEX_FIELDS.entries()) fields[name] = this.fillField(field, this.counts[name], order, rank, passageCount);
    this.added.length = 0;
    let index: TermIndex = { passageCount, terms, forms: [], fields };
    if (kept) index = mergeKept(index, kept);
    index.forms = this.mostWrittenForms(index);
    return index;
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** Writes every added posting of a field at its place: terms in order, passages ascending within a term. */
  private fillField(field: number, counts: FieldCounts, order: number[], rank: Uint32Array, passageCount: number): FieldPostings {
    const termCount = order.length;
    const offsets = new Uint32Array(termCount + 1);
    const positionOffsets = new Uint32Array(termCount + 1);
    order.forEach((id, at) => {
      offsets[at + 1] = offsets[at]! + counts.postings[id]!;
      positionOffsets[at + 1] = positionOffsets[at]! + counts.positions[id]!;
    });
    const passages = new Uint32Array(offsets[termCount]!);
    const freqs = new Uint32Array(offsets[termCount]!);
    const positions = new Uint32Array(positionOffsets[termCount]!);
    const lengths = new Uint32Array(passageCount);
    const next = offsets.slice(0, termCount);
    const nextPosition = positionOffsets.slice(0, termCount);
    const ranks = this.vocabularies.map((mapping) => Uint32Array.from(mapping, (id) => rank[id]!));
    // Documents were added in passage order, so each term's postings come out ascending.
    for (const { firstPassage, vocabulary, postings } of this.added) {
      const rankOf = ranks[vocabulary]!;
      let at = 0;
      let passage = firstPassage;
      while (at < postings.length) {
        for (let f = 0; f < 2; f += 1) {
          const distinct = postings[at + 1]!;
          if (f === field) lengths[passage] = postings[at]!;
          at += 2;
          for (let k = 0; k < distinct; k += 1) {
            const freq = postings[at + 1]!;
            if (f === field) {
              const term = rankOf[postings[at]!]!;
              const slot = next[term]!++;
              passages[slot] = passage;
              freqs[slot] = freq;
              let to = nextPosition[term]!;
              for (let p = 0; p < freq; p += 1) positions[to++] = postings[at + 2 + p]!;
              nextPosition[term] = to;
            }
            at += 2 + freq;
          }
        }
        passage += 1;
      }
    }
    return withStarts(offsets, passages, freqs, positions, lengths);
  }

  /**
   * How each term is most often written (`Wilmès` for `wilmes`), for completions: its occurrences are its
   * counts in the index, of which the variants account for some and the term as written for the rest.
   * Ties go to the term itself, then to the form first in code-unit order: the choice does not depend
   * on the order documents come in.
   */
  private mostWrittenForms(index: TermIndex): string[] {
    return index.terms.map((term, id) => {
      const forms = this.variants.get(term);
      if (!forms) return term;
      let occurrences = 0;
      for (const field of TERM_INDEX_FIELDS) {
        const { offsets, freqs } = index.fields[field];
        for (let k = offsets[id]!; k < offsets[id + 1]!; k += 1) occurrences += freqs[k]!;
      }
      let best = term;
      let bestCount = occurrences;
      for (const count of forms.values()) bestCount -= count;
      for (const [form, count] of forms) {
        if (count > bestCount || (count === bestCount && best !== term && compareStrings(form, best) < 0)) [best, bestCount] = [form, count];
      }
      return best;
    });
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function withStarts(offsets: Uint32Array, passages: Uint32Array, freqs: Uint32Array, positions: Uint32Array, lengths: Uint32Array): FieldPostings {
  let sum = 0;
  let nonEmpty = 0;
  for (const length of lengths) {
    if (length === 0) continue;
    sum += length;
    nonEmpty += 1;
  }
  return { offsets, passages, freqs, positions, positionStarts: sumPositionStarts(freqs), lengths, averageLength: nonEmpty === 0 ? 0 : sum / nonEmpty };
}

/**
 * The fresh index (postings of the documents built in this run, at their final passage numbers) with
 * the postings of the passages kept from the previous index, renumbered: per term, two ascending lists
 * merged. A term left with no posting leaves the index.
 */
function mergeKept(fresh: TermIndex, kept: KeptPassages): TermIndex {
  const old = kept.index;
  const map = kept.passageMap;
  // Both term lists are sorted: walk them together into the union.
  const terms: string[] = [];
  const freshIds: number[] = [];
  const oldIds: number[] = [];
  for (let i = 0, j = 0; i < fresh.terms.length || j < old.terms.length; ) {
    const a = fresh.terms[i];
    const b = old.terms[j];
    const order = a === undefined ? 1 : b === undefined ? -1 : compareStrings(a, b);
    terms.push(order <= 0 ? a! : b!);
    freshIds.push(order <= 0 ? i++ : -1);
    oldIds.push(order >= 0 ? j++ : -1);
  }
  const fields = {} as Record<TermIndexField, FieldPostings>;
  for (const name of TERM_INDEX_FIELDS) {
    const a = fresh.fields[name];
    const b = old.fields[name];
    let postingTotal = a.passages.length;
    let positionTotal = a.positions.length;
    for (let k = 0; k < b.passages.length; k += 1) {
      if (map[b.passages[k]!]! < 0) continue;
      postingTotal += 1;
      positionTotal += b.freqs[k]!;
    }
    const offsets = new Uint32Array(terms.length + 1);
    const passages = new Uint32Array(postingTotal);
    const freqs = new Uint32Array(postingTotal);
    const positions = new Uint32Array(positionTotal);
    let at = 0;
    let positionAt = 0;
    const copy = (from: FieldPostings, k: number, passage: number) => {
      const freq = from.freqs[k]!;
      passages[at] = passage;
      freqs[at] = freq;
      const source = from.positions;
      // Most postings hold one or two positions: a loop beats a view per posting.
      for (let p = from.positionStarts[k]!, end = p + freq; p < end; p += 1) positions[positionAt++] = source[p]!;
      at += 1;
    };
    for (let id = 0; id < terms.length; id += 1) {
      offsets[id] = at;
      let i = freshIds[id]! >= 0 ? a.offsets[freshIds[id]!]! : 0;
      const iEnd = freshIds[id]! >= 0 ? a.offsets[freshIds[id]! + 1]! : 0;
      let j = oldIds[id]! >= 0 ? b.offsets[oldIds[id]!]! : 0;
      const jEnd = oldIds[id]! >= 0 ? b.offsets[oldIds[id]! + 1]! : 0;
      while (i < iEnd || j < jEnd) {
        const renumbered = j < jEnd ? map[b.passages[j]!]! : -1;
        if (j < jEnd && renumbered < 0) j += 1;
        else if (i < iEnd && (j >= jEnd || a.passages[i]! < renumbered)) copy(a, i++, a.passages[i - 1]!);
        else copy(b, j++, renumbered);
      }
    }
    offsets[terms.length] = at;
    const lengths = a.lengths.slice();
    b.lengths.forEach((length, passage) => {
      if (map[passage]! >= 0) lengths[map[passage]!] = length;
    });
    fields[name] = withStarts(offsets, passages, freqs, positions, lengths);
  }
  const live = terms.map((_, id) => TERM_INDEX_FIELDS.some((name) => fields[name].offsets[id + 1]! > fields[name].offsets[id]!));
  const merged = { passageCount: fresh.passageCount, terms, forms: [], fields };
  return live.every(Boolean) ? merged : dropTerms(merged, live);
}

/** The index without the terms that `live` marks false (they have no postings). */
function dropTerms(index: TermIndex, live: boolean[]): TermIndex {
  const terms = index.terms.filter((_, id) => live[id]);
  const fields = {} as Record<TermIndexField, FieldPostings>;
  for (const name of TERM_INDEX_FIELDS) {
    const { offsets, ...rest } = index.fields[name];
    const kept = new Uint32Array(terms.length + 1);
    let to = 0;
    offsets.forEach((offset, id) => {
      if (id === offsets.length - 1 || live[id]) kept[to++] = offset;
    });
    fields[name] = { ...rest, offsets: kept };
  }
  return { ...index, terms, fields };
}
