import { segmentSentences } from './segment-sentences.ts';

/** A sentence as offsets into the text it came from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Words after which a full stop does not end the sentence. ICU's sentence rules break after
 * "Mr." or "Antony J." when a capital follows; a reader would not.
 */
const ABBREVIATION_BEFORE_BREAK =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Mt|No|Nos|Art|vs|etc|e\.g|i\.e|[A-Z])\.["”’)]*\s*$/;
/** Characters at the end of a sentence that the abbreviation test reads: the longest abbreviation with its quotes, and room to spare. */
const ABBREVIATION_TAIL = 64;

/**
 * Splits a stretch of text into sentences, without leading or trailing white space. Every
 * non-space character of the input is in exactly one sentence.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const raw: SentenceSpan[] = [];
  for (const { segment, index } of segmentSentences(text)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end <= start) continue;
    const previous = raw[raw.length - 1];
    // Only the end of the sentence so far can hold the abbreviation: testing all of it made a run of
    // initials ("A. B. C. …") quadratic, minutes for a megabyte.
    if (previous && ABBREVIATION_BEFORE_BREAK.test(text.slice(Math.max(previous.start, previous.end - ABBREVIATION_TAIL), previous.end))) {
      previous.end = end;
    } else {
      raw.push({ start, end });
    }
  }
  return raw.map(({ start, end }) => ({ start: start + offset, end: end + offset }));
}
