import type { DateSource, StoredDocument } from '../index/index-format.ts';

/** How many documents got their date from each place, and which have none (paths, sorted). */
export type DateCounts = Record<DateSource, number> & { undated: string[] };

export function countDates(documents: readonly StoredDocument[]): DateCounts {
  const counts: DateCounts = { catalog: 0, declared: 0, path: 0, text: 0, undated: [] };
  for (const document of documents) {
    if (document.dateSource === undefined) counts.undated.push(document.path);
    else counts[document.dateSource] += 1;
  }
  counts.undated.sort();
  return counts;
}
