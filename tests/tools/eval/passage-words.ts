import type { StoredDocument } from '../../../indexer/index/index-format.ts';

/**
 * The generator's own view of the words of a passage. Deliberately simpler than Passim's analyzer and
 * independent of it, so the evaluation set does not change when the analyzer does: a word is a run of
 * letters (with inner apostrophes), lower-cased, accents removed.
 */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

export const foldWord = (word: string) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]s$/, '');

export interface WordAt {
  /** Folded form. */
  word: string;
  /** Offsets in the document text. */
  start: number;
  end: number;
}

export interface PassageWords {
  /** Position in the list of every passage of the corpus. */
  index: number;
  path: string;
  document: StoredDocument;
  ordinal: number;
  start: number;
  end: number;
  words: WordAt[];
  distinct: Set<string>;
}

export interface CorpusWords {
  passages: PassageWords[];
  /** Folded word -> indexes of the passages that hold it. */
  postings: Map<string, number[]>;
}

export function collectCorpusWords(documents: readonly StoredDocument[]): CorpusWords {
  const passages: PassageWords[] = [];
  const postings = new Map<string, number[]>();
  for (const document of documents) {
    for (const passage of document.passages) {
      const text = document.text.slice(passage.start, passage.end);
      const words = [...text.matchAll(WORD)].map((match) => ({ word: foldWord(match[0]), start: passage.start + match.index, end: passage.start + match.index + match[0].length }));
      const index = passages.length;
      const distinct = new Set(words.map(({ word }) => word));
      passages.push({ index, path: document.path, document, ordinal: passage.ordinal, start: passage.start, end: passage.end, words, distinct });
      for (const word of distinct) {
        const list = postings.get(word);
        if (list) list.push(index);
        else postings.set(word, [index]);
      }
    }
  }
  return { passages, postings };
}

/** How many passages hold a word. */
export const passageFrequency = (corpus: CorpusWords, word: string) => corpus.postings.get(word)?.length ?? 0;

/** Passages holding every one of the words. */
export function passagesWithAll(corpus: CorpusWords, words: readonly string[]): number[] {
  const lists = words.map((word) => corpus.postings.get(word) ?? []).sort((a, b) => a.length - b.length);
  const [first, ...rest] = lists;
  const sets = rest.map((list) => new Set(list));
  return (first ?? []).filter((index) => sets.every((set) => set.has(index)));
}

/**
 * A few consecutive words of the passage around word position `at` that occur only once in its
 * document: the excerpt that names the passage in the query file. Undefined when no window of
 * `length` words is unique.
 */
export function findExcerpt(passage: PassageWords, at: number, length = 7): string | undefined {
  const text = passage.document.text;
  const lastStart = Math.max(0, passage.words.length - length);
  const clamp = (start: number) => Math.min(lastStart, Math.max(0, start));
  const starts = new Set([at - Math.floor(length / 2), ...Array.from({ length }, (_, offset) => at - offset)].map(clamp));
  for (const first of starts) {
    const last = Math.min(passage.words.length, first + length) - 1;
    if (last - first + 1 < Math.min(length, passage.words.length)) continue;
    const excerpt = text.slice(passage.words[first]!.start, passage.words[last]!.end).replace(/\s+/g, ' ');
    if (countOccurrences(text.replace(/\s+/g, ' '), excerpt) === 1) return excerpt;
  }
  return undefined;
}

function countOccurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) count += 1;
  return count;
}
