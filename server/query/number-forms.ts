/**
 * Numbers written with a scale word (`670 million`, `1.2 billion`, `18 thousand`) and in digits
 * (`670,000,000`) are the same number: the query searches both ways. English, French and Dutch.
 */
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  billions: 1e9,
  trillion: 1e12,
  mille: 1e3,
  milliard: 1e9,
  milliards: 1e9,
  duizend: 1e3,
  miljoen: 1e6,
  miljard: 1e9,
};
/** How each scale is written, for the phrases a number in digits also searches. */
const WRITTEN: [value: number, words: string[]][] = [
  [1e12, ['trillion']],
  [1e9, ['billion', 'milliard', 'milliards', 'miljard']],
  [1e6, ['million', 'millions', 'miljoen']],
  [1e3, ['thousand', 'mille', 'duizend']],
];
/** Numbers below this are left alone in digits: years and counts are not written with a scale word. */
const SMALLEST_SCALED = 10_000;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** `670` and `million` as digits (`670000000`), or undefined when the words are not a number and a scale. */
export function scaleNumber(number: string, scale: string): string | undefined {
  const factor = SCALES[scale];
  if (factor === undefined || !NUMBER.test(number)) return undefined;
  const value = Math.round(Number(number) * factor);
  return Number.isSafeInteger(value) ? String(value) : undefined;
}

/** The ways a number in digits is written with its largest scale word (`670000000` -> `670 million`, `670 miljoen`, …). */
export function writeWithScale(term: string): [number: string, scale: string][] {
  if (!/^\d+$/.test(term)) return [];
  const value = Number(term);
  if (!Number.isSafeInteger(value) || value < SMALLEST_SCALED) return [];
  for (const [scale, words] of WRITTEN) {
    const scaled = value / scale;
    // At most two decimals, as people write them: 1.25 billion, not 1.2345 billion.
    if (scaled < 1 || Math.round(scaled * 100) !== scaled * 100) continue;
    return words.map((word) => [String(scaled), word]);
  }
  return [];
}
