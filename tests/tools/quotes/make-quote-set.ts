import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import { readQuote, type QuoteWord } from '../../../server/quote/read-quote.ts';

/** The variants each quote is checked in. */
export const VARIANTS = ['exact', 'curly quotes', 'one word changed', 'three words changed', 'word dropped', 'ellipsis', 'clauses reordered'] as const;
export type Variant = (typeof VARIANTS)[number];

/** A quote cut from the archive, where it stands, and its variants with the differences each was given. */
export interface QuoteCase {
  docId: string;
  /** Offsets of the quote's first and last word in the document text. */
  start: number;
  end: number;
  words: number;
  /** The quote runs over a passage boundary. */
  crossesPassages: boolean;
  variants: QuoteVariant[];
}

export interface QuoteVariant {
  variant: Variant;
  text: string;
  /** Positions (among the variant's words) of the words changed. */
  changed: number[];
  /** A word the variant dropped: its term, and the position of the variant word it was before. */
  dropped?: { term: string; before: number };
}

/** Words a misquote often puts in place of another: same sound or sense, other meaning. */
const SWAPS: Record<string, string[]> = {
  will: ['shall', 'must'], shall: ['will'], must: ['should', 'will'], should: ['must', 'would'], can: ['could', 'will'], could: ['can', 'would'],
  is: ['was'], was: ['is'], are: ['were'], were: ['are'], our: ['the', 'this'], the: ['our', 'a'], a: ['the'], we: ['you', 'they'], you: ['we'],
  nation: ['country'], country: ['nation'], people: ['citizens', 'Americans'], great: ['good', 'strong'], world: ['nation'], never: ['not'], all: ['every'],
  freedom: ['liberty'], liberty: ['freedom'], government: ['administration'], year: ['decade'], peace: ['security'], war: ['conflict'],
  more: ['less'], first: ['last'], new: ['old'], only: ['just'], these: ['those'], this: ['that'], that: ['this'], every: ['each'], and: ['or'],
};

/** Picks a word different (as the analyzer reads it) from `term`: a usual swap when there is one, else a word of another passage. */
function replacement(term: string, random: () => number, vocabulary: readonly string[]): string {
  const swaps = SWAPS[term];
  if (swaps && random() < 0.8) return swaps[Math.floor(random() * swaps.length)]!;
  for (;;) {
    const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
    if (readQuote(word).words[0]?.term !== term && readQuote(word).words.length === 1) return word;
  }
}

const CURLY = (text: string) => `“${text.replace(/"([^"]*)"/g, '‘$1’').replace(/'/g, '’')}”`;
const ELLIPSES = [' … ', '...', ' [...] ', ' . . . ', '…'];

/** Distinct positions among `from`..`to` (inclusive), `count` of them, in order. */
function positions(random: () => number, from: number, to: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, to - from + 1)) chosen.add(from + Math.floor(random() * (to - from + 1)));
  return [...chosen].sort((a, b) => a - b);
}

/** The text with words (by position) replaced, offsets taken from the quote as read. */
function replaceWords(text: string, words: readonly QuoteWord[], replaced: Map<number, string>): string {
  let result = '';
  let at = 0;
  for (const [position, word] of [...replaced].sort((a, b) => a[0] - b[0])) {
    result += text.slice(at, words[position]!.start) + word;
    at = words[position]!.end;
  }
  return result + text.slice(at);
}

/** Every variant of one quote. Interior words only are changed or dropped: a quote's first and last words are where it was cut. */
export function makeVariants(text: string, random: () => number, vocabulary: readonly string[]): QuoteVariant[] {
  const { words } = readQuote(text);
  const last = words.length - 1;
  const change = (count: number): QuoteVariant => {
    const at = positions(random, 1, last - 1, count);
    return { variant: count === 1 ? 'one word changed' : 'three words changed', text: replaceWords(text, words, new Map(at.map((p) => [p, replacement(words[p]!.term, random, vocabulary)]))), changed: at };
  };
  const droppedAt = 1 + Math.floor(random() * (last - 1));
  const dropped: QuoteVariant = {
    variant: 'word dropped',
    text: text.slice(0, words[droppedAt]!.start) + text.slice(words[droppedAt + 1]!.start),
    changed: [],
    dropped: { term: words[droppedAt]!.term, before: droppedAt },
  };
  // An ellipsis for two words up to a third of the quote, in its middle half.
  const cut = Math.max(2, Math.floor(random() * (words.length / 3)));
  const cutFrom = Math.max(2, Math.floor(words.length / 4 + random() * Math.max(1, words.length / 2 - cut)));
  const cutTo = Math.min(last - 2, cutFrom + cut - 1);
  const ellipsis = ELLIPSES[Math.floor(random() * ELLIPSES.length)]!;
  const elided: QuoteVariant = { variant: 'ellipsis', text: text.slice(0, words[cutFrom - 1]!.end) + ellipsis + text.slice(words[cutTo + 1]!.start), changed: [] };
  return [
    { variant: 'exact', text, changed: [] },
    { variant: 'curly quotes', text: CURLY(text), changed: [] },
    change(1),
    change(3),
    dropped,
    elided,
    { variant: 'clauses reordered', text: reorderClauses(text, words, random), changed: [] },
  ];
}

/** The second part first: cut after a comma, semicolon or colon near the middle when there is one, else in the middle. */
function reorderClauses(text: string, words: readonly QuoteWord[], random: () => number): string {
  const middle = words.length / 2;
  let cut = -1;
  for (let at = 3; at <= words.length - 4; at += 1) {
    const between = text.slice(words[at - 1]!.end, words[at]!.start);
    if (/[,;:]/.test(between) && (cut === -1 || Math.abs(at - middle) < Math.abs(cut - middle))) cut = at;
  }
  if (cut === -1) cut = Math.max(3, Math.min(words.length - 3, Math.round(middle + (random() - 0.5) * 4)));
  const first = text.slice(words[0]!.start, words[cut - 1]!.end);
  const second = text.slice(words[cut]!.start, words[words.length - 1]!.end);
  return `${second}, ${first}`;
}

/**
 * `count` quotes of 10 to 80 words cut from the documents at random, a quarter of them across the
 * boundary between two passages, each with its variants.
 */
export function makeQuoteCases(documents: readonly StoredDocument[], count: number, random: () => number, vocabulary: readonly string[]): QuoteCase[] {
  const cases: QuoteCase[] = [];
  const long = documents.filter((document) => document.passages.length >= 3);
  while (cases.length < count) {
    const document = long[Math.floor(random() * long.length)]!;
    const p = Math.floor(random() * (document.passages.length - 1));
    const passage = document.passages[p]!;
    const next = document.passages[p + 1]!;
    const length = 10 + Math.floor(random() * 71);
    const across = cases.length % 4 === 0;
    const passageWords = readQuote(document.text.slice(passage.start, passage.end)).words;
    const nextWords = readQuote(document.text.slice(next.start, next.end)).words;
    let start: number;
    let end: number;
    if (across) {
      // At least three words on each side of the boundary.
      const before = 3 + Math.floor(random() * (length - 6));
      const after = length - before;
      if (passageWords.length < before || nextWords.length < after) continue;
      start = passage.start + passageWords[passageWords.length - before]!.start;
      end = next.start + nextWords[after - 1]!.end;
    } else {
      if (passageWords.length < length) continue;
      const first = Math.floor(random() * (passageWords.length - length + 1));
      start = passage.start + passageWords[first]!.start;
      end = passage.start + passageWords[first + length - 1]!.end;
    }
    cases.push(finish(document, start, end, document.text.slice(start, end), random, vocabulary));
  }
  return cases;
}

function finish(document: StoredDocument, start: number, end: number, text: string, random: () => number, vocabulary: readonly string[]): QuoteCase {
  const crossesPassages = document.passages.some((passage) => passage.start > start && passage.start < end);
  return { docId: document.id, start, end, words: readQuote(text).words.length, crossesPassages, variants: makeVariants(text, random, vocabulary) };
}
