import { countWords as countWordsIn, findWords } from '../analyzer/index.ts';
import { findParagraphs } from './find-paragraphs.ts';
import { splitSentences } from './split-sentences.ts';

export interface ChunkOptions {
  /** A passage shorter than this takes in the next paragraph when it can. Default 40 words. */
  minWords: number;
  /** The size a passage aims for once it has `minWords`. Default 120 words. */
  targetWords: number;
  /** No passage made of several units grows past this. Default 200 words. */
  maxWords: number;
  /** A single sentence longer than this is cut at word boundaries (runaway text with no full stop). Default 400 words. */
  hardMaxWords: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = {
  minWords: 40,
  targetWords: 120,
  maxWords: 200,
  hardMaxWords: 400,
};

/** A passage as offsets into the document text. */
export interface PassageSpan {
  start: number;
  end: number;
  wordCount: number;
  speaker?: string;
}

/** A piece that is never split further when packing: a paragraph, or a run of its sentences. */
type Unit = PassageSpan;

/**
 * Cuts a document into passages a reader can quote: whole paragraphs packed up to about
 * `targetWords`, long paragraphs split between sentences, never across two speakers' turns.
 * Passages are in document order, do not overlap, and together cover every word of the text.
 */
export function chunkDocument(text: string, options: Partial<ChunkOptions> = {}): PassageSpan[] {
  const settings = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const units = findParagraphs(text).flatMap((paragraph) => splitLongParagraph(text, paragraph, settings));
  return packUnits(units, settings);
}

function countWords(text: string, start: number, end: number): number {
  return countWordsIn(text.slice(start, end));
}

function splitLongParagraph(text: string, paragraph: { start: number; end: number; speaker?: string }, settings: ChunkOptions): Unit[] {
  const wordCount = countWords(text, paragraph.start, paragraph.end);
  if (wordCount === 0) return [];
  if (wordCount <= settings.maxWords) return [{ ...paragraph, wordCount }];

  const sentences = splitSentences(text.slice(paragraph.start, paragraph.end), paragraph.start).flatMap((sentence) =>
    splitRunawaySentence(text, sentence, settings.hardMaxWords),
  );
  // Aim for pieces of equal size rather than full pieces followed by a stub.
  const pieceCount = Math.ceil(wordCount / settings.targetWords);
  const aim = wordCount / pieceCount;
  const pieces: Unit[] = [];
  let piece: Unit | undefined;
  for (const sentence of sentences) {
    const full = piece !== undefined && piece.wordCount >= aim * 0.85 && piece.wordCount + sentence.wordCount > aim;
    // A runaway sentence (a table read as one sentence) is a piece of its own, not an overflow of the last one.
    const overflows = piece !== undefined && piece.wordCount + sentence.wordCount > settings.maxWords;
    if (piece && (full || overflows)) {
      pieces.push(piece);
      piece = undefined;
    }
    piece = piece ? { ...piece, end: sentence.end, wordCount: piece.wordCount + sentence.wordCount } : withSpeaker(sentence, paragraph.speaker);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function withSpeaker(span: Unit, speaker: string | undefined): Unit {
  return speaker === undefined ? span : { ...span, speaker };
}

/** Cuts a sentence longer than `hardMaxWords` into runs of `hardMaxWords` words. */
function splitRunawaySentence(text: string, sentence: { start: number; end: number }, hardMaxWords: number): Unit[] {
  const slice = text.slice(sentence.start, sentence.end);
  const wordCount = countWordsIn(slice);
  if (wordCount <= hardMaxWords) return [{ ...sentence, wordCount }];
  const words = findWords(slice);
  const runs: Unit[] = [];
  for (let first = 0; first < words.length; first += hardMaxWords) {
    const last = Math.min(first + hardMaxWords, words.length) - 1;
    const start = first === 0 ? sentence.start : sentence.start + words[first]!.start;
    const end = last === words.length - 1 ? sentence.end : sentence.start + words[last]!.end;
    runs.push({ start, end, wordCount: last - first + 1 });
  }
  return runs;
}

function packUnits(units: Unit[], settings: ChunkOptions): PassageSpan[] {
  const passages: PassageSpan[] = [];
  let current: PassageSpan | undefined;
  for (const unit of units) {
    const fits =
      current !== undefined &&
      current.speaker === unit.speaker &&
      current.wordCount + unit.wordCount <= settings.maxWords &&
      (current.wordCount < settings.minWords || current.wordCount + unit.wordCount <= settings.targetWords);
    if (current && fits) {
      current = { ...current, end: unit.end, wordCount: current.wordCount + unit.wordCount };
    } else {
      if (current) passages.push(current);
      current = { ...unit };
    }
  }
  if (current) passages.push(current);
  mergeShortTail(passages, settings);
  return passages;
}

/** A short last passage joins the one before it when they share a speaker and the sum stays in bounds. */
function mergeShortTail(passages: PassageSpan[], settings: ChunkOptions): void {
  const last = passages[passages.length - 1];
  const previous = passages[passages.length - 2];
  if (!last || !previous) return;
  if (last.wordCount >= settings.minWords || last.speaker !== previous.speaker) return;
  if (previous.wordCount + last.wordCount > settings.maxWords) return;
  passages.splice(passages.length - 2, 2, { ...previous, end: last.end, wordCount: previous.wordCount + last.wordCount });
}
