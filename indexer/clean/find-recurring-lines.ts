import { findSpeakerLabel } from '../chunk/find-paragraphs.ts';
import { normalizeForMatching } from './normalize-for-matching.ts';

export interface RecurringLineOptions {
  /** A line must appear in at least this many documents. Default 3. */
  minDocuments: number;
  /** ...and in at least this share of the documents compared. Default 0.5. */
  minShare: number;
  /** Longer lines are content even when repeated (a quoted mission statement is still text). Default 30 words. */
  maxWords: number;
}

export const DEFAULT_RECURRING_LINE_OPTIONS: RecurringLineOptions = { minDocuments: 3, minShare: 0.5, maxWords: 30 };

/** Lines long enough in characters that they cannot be under `maxWords` are not worth normalizing. */
const CHARS_PER_WORD_BOUND = 25;

/**
 * Site chrome that no list foresees: lines that recur, word for word, across many documents of one
 * source (a site's menu, its "Share this page", a PDF's running header across pages). Returns
 * their matching forms (`normalizeForMatching`). Speaker turns are never chrome, however often a
 * "QUESTION: Thank you." recurs.
 */
export function findRecurringLines(documents: readonly string[], options: Partial<RecurringLineOptions> = {}): Set<string> {
  const settings = { ...DEFAULT_RECURRING_LINE_OPTIONS, ...options };
  const needed = Math.max(settings.minDocuments, Math.ceil(documents.length * settings.minShare));
  const recurring = new Set<string>();
  if (documents.length < needed) return recurring;

  const counts = new Map<string, number>();
  for (const text of documents) {
    const seen = new Set<string>();
    for (const line of text.split('\n')) {
      if (line.length > settings.maxWords * CHARS_PER_WORD_BOUND) continue;
      const key = normalizeForMatching(line);
      if (key === '' || seen.has(key) || key.split(' ').length > settings.maxWords) continue;
      if (findSpeakerLabel(line.trim()) !== undefined) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of counts) if (count >= needed) recurring.add(key);
  return recurring;
}
