import { z } from 'zod';
import { decodeTextFile } from '../corpus/decode-text-file.ts';
import { normalizeDate } from '../metadata/find-date.ts';
import { normalizeLanguage } from '../metadata/detect-language.ts';
import { compactMetadata, type ExtractResult, type ExtractedText, type PartProblem } from './extracted-text.ts';

/** One exported record. Other fields are allowed and ignored. */
const recordSchema = z.looseObject({
  id: z.union([z.string().trim().min(1), z.number()]).optional(),
  title: z.string().optional(),
  source: z.string().optional(),
  date: z.union([z.string(), z.number()]).optional(),
  url: z.string().optional(),
  lang: z.string().optional(),
  text: z.string().refine((text) => text.trim() !== '', 'is empty'),
});

/**
 * A `.jsonl` file (one record per line) or a `.json` file (an array of records, or one record):
 * `{ id?, title?, source?, date?, url?, lang?, text }`. Each record is a document whose path is
 * `file#id`, or `file#n` (its 1-based position) when it has no id. A broken record is reported and
 * skipped; the file's other records are indexed.
 */
export function extractRecords(bytes: Uint8Array, path: string, format: 'json' | 'jsonl'): ExtractResult {
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) return decoded;
  const entries: { position: number; parsed: unknown }[] = [];
  const problems: (PartProblem & { position: number })[] = [];
  if (format === 'jsonl') {
    decoded.text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        entries.push({ position: index + 1, parsed: JSON.parse(line) });
      } catch {
        problems.push({ position: index + 1, path: `${path}#${index + 1}`, reason: `line ${index + 1} is not valid JSON (truncated?)` });
      }
    });
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoded.text);
    } catch (error) {
      return { ok: false, reason: `not valid JSON (truncated?): ${(error as Error).message}` };
    }
    const list = Array.isArray(parsed) ? parsed : [parsed];
    list.forEach((item, index) => entries.push({ position: index + 1, parsed: item }));
  }

  const texts: ExtractedText[] = [];
  const seen = new Set<string>();
  for (const { position, parsed } of entries) {
    const record = recordSchema.safeParse(parsed);
    const key = record.success && record.data.id !== undefined ? String(record.data.id) : String(position);
    const recordPath = `${path}#${key}`;
    if (!record.success) {
      const issue = record.error.issues[0];
      problems.push({ position, path: recordPath, reason: `record ${position}: ${issue?.path.join('.') || 'record'} ${issue?.message ?? 'is invalid'}` });
    } else if (seen.has(key)) {
      problems.push({ position, path: recordPath, reason: `record ${position} repeats the id "${key}" of an earlier record` });
    } else {
      seen.add(key);
      const { title, source, date, url, lang, text } = record.data;
      texts.push({ path: recordPath, pages: [text], paged: false, metadata: compactMetadata({ title, source, date: normalizeDate(date), url, lang: normalizeLanguage(lang) }) });
    }
  }
  const ordered: PartProblem[] = problems.sort((a, b) => a.position - b.position).map(({ path: where, reason }) => ({ path: where, reason }));
  if (texts.length === 0 && ordered.length === 0) return { ok: false, reason: 'no records in the file' };
  if (texts.length === 0) return { ok: false, reason: `no valid record (first problem: ${ordered[0]!.reason})` };
  return { ok: true, texts, problems: ordered };
}
