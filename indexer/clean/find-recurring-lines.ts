import { createHash } from 'node:crypto';
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
  return findRecurring(
    documents.map((text) => findCandidateLines(text, options)),
    options,
  );
}

/**
 * The lines of a text that could be chrome, as their matching forms, each once. A source's chrome
 * is counted over these, so a build can keep them (hashed, `hashLineKey`) for files it does not read again.
 */
export function findCandidateLines(text: string, options: Partial<RecurringLineOptions> = {}): string[] {
  const settings = { ...DEFAULT_RECURRING_LINE_OPTIONS, ...options };
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.length > settings.maxWords * CHARS_PER_WORD_BOUND) continue;
    const key = normalizeForMatching(line);
    if (key === '' || seen.has(key) || key.split(' ').length > settings.maxWords) continue;
    if (findSpeakerLabel(line.trim()) !== undefined) continue;
    seen.add(key);
  }
  return [...seen];
}

/** The keys found in enough of the documents (each given as its distinct candidate keys) to be chrome. */
export function findRecurring(keysPerDocument: readonly (readonly string[])[], options: Partial<RecurringLineOptions> = {}): Set<string> {
  const settings = { ...DEFAULT_RECURRING_LINE_OPTIONS, ...options };
  const needed = Math.max(settings.minDocuments, Math.ceil(keysPerDocument.length * settings.minShare));
  const recurring = new Set<string>();
  if (keysPerDocument.length < needed) return recurring;
  const counts = new Map<string, number>();
  for (const keys of keysPerDocument) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, count] of counts) if (count >= needed) recurring.add(key);
  return recurring;
}

/** A short digest of a line's matching form: what the build cache keeps instead of the line. */
export function hashLineKey(key: string): string {
  return createHash('sha1').update(key).digest('base64').slice(0, 12);
}

/** The matching forms of a text's lines whose digests are among `hashes`: its share of its source's chrome. */
export function linesWithHashes(text: string, hashes: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (hashes.size === 0) return found;
  for (const line of text.split('\n')) {
    const key = normalizeForMatching(line);
    if (key !== '' && hashes.has(hashLineKey(key))) found.add(key);
  }
  return found;
}
