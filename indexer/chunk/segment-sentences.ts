/** A sentence segment as `Intl.Segmenter` gives it: the text with its trailing spaces, and where it starts. */
export interface SentenceSegment {
  segment: string;
  index: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Characters handed to the segmenter at once. */
export const SEGMENT_WINDOW_CHARS = 4096;
/**
 * Breaks closer than this to the end of a window are decided again in the next one. ICU looks ahead
 * past a full stop over digits, spaces and punctuation for a lower-case letter ("in 1989 (aside) the"):
 * in prose that is a few characters, so this is room to spare.
 */
const MIN_SETTLED_MARGIN = 256;

/**
 * The sentence segments of `text`, as `Intl.Segmenter` finds them, read through a window of
 * `windowChars` characters. V8 copies the whole input for every segment it yields, so segmenting a
 * megabyte paragraph of short sentences in one go is quadratic (minutes, gigabytes of garbage).
 *
 * Each window is segmented on its own, and only the breaks that fall clear of its end (by an eighth
 * of the window, and at least `MIN_SETTLED_MARGIN`) are kept: a break near the end may depend on text
 * the window does not hold, so it is decided again as the start of the next window. A sentence longer than the window widens the window
 * until it fits. The segments still cover the text exactly, in order.
 */
export function* segmentSentences(text: string, windowChars = SEGMENT_WINDOW_CHARS): Generator<SentenceSegment> {
  let from = 0;
  let size = windowChars;
  while (from < text.length) {
    const end = Math.min(text.length, from + size);
    const segments = [...segmenter.segment(text.slice(from, end))];
    if (end === text.length) {
      for (const { segment, index } of segments) yield { segment, index: from + index };
      return;
    }
    const settled = end - from - Math.max(MIN_SETTLED_MARGIN, Math.floor(size / 8));
    const kept = segments.filter(({ segment, index }) => index + segment.length <= settled);
    if (kept.length === 0) {
      size *= 2;
      continue;
    }
    for (const { segment, index } of kept) yield { segment, index: from + index };
    const last = kept[kept.length - 1]!;
    from += last.index + last.segment.length;
    size = windowChars;
  }
}
