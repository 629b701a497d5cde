/**
 * Passim's inverted index: for every analyzed term, the passages holding it and how often, per field,
 * in flat typed arrays. It is what the server searches. Typed arrays load from disk without parsing
 * (a JSON index of a large archive takes longer to parse than to search a thousand times), hold
 * millions of postings in little memory, and let a query touch only the postings of its own terms.
 */

/** The postings of one field (`text` or `title`). */
export interface FieldPostings {
  /** `offsets[t]..offsets[t + 1]` is the range of term t's postings in `passages` and `freqs`. */
  offsets: Uint32Array;
  /** Passage numbers, ascending within each term. */
  passages: Uint32Array;
  /** How often the term occurs in that passage's field. */
  freqs: Uint32Array;
  /** Number of terms in each passage's field. */
  lengths: Uint32Array;
  /** Mean of `lengths` over passages where the field is not empty. */
  averageLength: number;
}

export const TERM_INDEX_FIELDS = ['text', 'title'] as const;
export type TermIndexField = (typeof TERM_INDEX_FIELDS)[number];

export interface TermIndex {
  /** Passages are numbered in document order, then passage order, as in `documents.json`. */
  passageCount: number;
  /** Every analyzed term, sorted by code unit, so a prefix is a contiguous range. */
  terms: string[];
  /** For each term, how it is most often written in the corpus (`Wilmès` for `wilmes`), for completions. */
  forms: string[];
  fields: Record<TermIndexField, FieldPostings>;
}

/** The analyzed terms of one passage, per field. */
export type PassageTerms = Record<TermIndexField, readonly string[]>;

/** Counts of the written forms of each term: term -> written word -> occurrences. */
export type FormCounts = Map<string, Map<string, number>>;

/** Builds the index from each passage's analyzed terms, in passage order, and the forms counted while analyzing them. */
export function buildTermIndex(passages: Iterable<PassageTerms>, formCounts: FormCounts = new Map()): TermIndex {
  const postings = new Map<string, Record<TermIndexField, number[]>>();
  const lengths: Record<TermIndexField, number[]> = { text: [], title: [] };
  let passageCount = 0;
  for (const passage of passages) {
    for (const field of TERM_INDEX_FIELDS) {
      const terms = passage[field];
      lengths[field].push(terms.length);
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let entry = postings.get(term);
        if (!entry) postings.set(term, (entry = { text: [], title: [] }));
        // Passage number and count interleaved in one array: half the arrays, better locality.
        entry[field].push(passageCount, count);
      }
    }
    passageCount += 1;
  }
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = Object.fromEntries(
    TERM_INDEX_FIELDS.map((field) => [field, packField(terms, (term) => postings.get(term)![field], lengths[field])]),
  ) as Record<TermIndexField, FieldPostings>;
  return { passageCount, terms, forms: terms.map((term) => mostWritten(formCounts.get(term)) ?? term), fields };
}

function mostWritten(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let times = 0;
  for (const [form, count] of counts ?? []) if (count > times) [best, times] = [form, count];
  return best;
}

function packField(terms: string[], postingsOf: (term: string) => number[], lengths: number[]): FieldPostings {
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, id) => {
    offsets[id] = total;
    total += postingsOf(term).length / 2;
  });
  offsets[terms.length] = total;
  const passages = new Uint32Array(total);
  const freqs = new Uint32Array(total);
  terms.forEach((term, id) => {
    const pairs = postingsOf(term);
    let at = offsets[id]!;
    for (let i = 0; i < pairs.length; i += 2, at += 1) {
      passages[at] = pairs[i]!;
      freqs[at] = pairs[i + 1]!;
    }
  });
  const nonEmpty = lengths.filter((length) => length > 0);
  const averageLength = nonEmpty.length === 0 ? 0 : nonEmpty.reduce((sum, length) => sum + length, 0) / nonEmpty.length;
  return { offsets, passages, freqs, lengths: Uint32Array.from(lengths), averageLength };
}
