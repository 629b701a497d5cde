/** A sentence as offsets into the text it came from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Words after which a full stop does not end the sentence. ICU's sentence rules break after
 * "Mr." or "Antony J." when a capital follows; a reader would not.
 */
const ABBREVIATION_BEFORE_BREAK =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Mt|No|Nos|Art|vs|etc|e\.g|i\.e|[A-Z])\.["”’)]*\s*$/;

/**
 * Splits a stretch of text into sentences, without leading or trailing white space. Every
 * non-space character of the input is in exactly one sentence.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const raw: SentenceSpan[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end <= start) continue;
    const previous = raw[raw.length - 1];
    if (previous && ABBREVIATION_BEFORE_BREAK.test(text.slice(previous.start, previous.end))) {
      previous.end = end;
    } else {
      raw.push({ start, end });
    }
  }
  return raw.map(({ start, end }) => ({ start: start + offset, end: end + offset }));
}
