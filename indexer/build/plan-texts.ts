import { createHash } from 'node:crypto';
import { findRecurring } from '../clean/find-recurring-lines.ts';
import type { Catalog } from '../corpus/catalog.ts';
import { sourceOf } from '../document/build-document.ts';
import type { ExtractedText } from '../extract/extracted-text.ts';
import type { CachedText } from '../build-cache/build-cache.ts';
import type { DocumentJob } from './document-job.ts';
import type { SkippedFile } from '../index/index-format.ts';
import type { FileOutcome } from './read-corpus-files.ts';

/** A text to turn into a document, with everything its document depends on. */
export interface PlannedText {
  /** The corpus file it comes from. */
  file: string;
  sha256: string;
  cached: CachedText;
  /** Its texts as read in this run; absent for a file taken from the cache. */
  extracted?: ExtractedText;
  /** The job minus the text: the catalog entries, the source's chrome. */
  context: Omit<DocumentJob, 'text'>;
  /** Digest of everything the document is made from: equal keys, equal documents. */
  key: string;
}

/**
 * Lists the texts of the files read, in corpus order, with the chrome of each source (lines that
 * recur across its texts, found on the digests the cache keeps, so unchanged files are not read) and
 * the key of each text's document. Files that could not be read, or hold nothing, become skips.
 * The texts read in this run move from the outcomes into the plan.
 */
export function planTexts(outcomes: FileOutcome[], catalog: Catalog, corpusName: string): { texts: PlannedText[]; skipped: SkippedFile[] } {
  const skipped: SkippedFile[] = [];
  const listed: { file: string; sha256: string; cached: CachedText; source: string; extracted?: ExtractedText }[] = [];
  for (const outcome of outcomes) {
    if ('reason' in outcome) {
      skipped.push({ path: outcome.path, reason: outcome.reason });
      continue;
    }
    const { read, sha256 } = outcome.file;
    if (!read.ok) {
      skipped.push({ path: outcome.path, reason: read.reason });
      continue;
    }
    skipped.push(...read.problems);
    const fresh = outcome.texts;
    // The plan takes the texts: each is let go once its document is built, not kept to the end.
    delete outcome.texts;
    read.texts.forEach((cached, at) => {
      const extracted = fresh?.[at];
      listed.push({ file: outcome.path, sha256, cached, source: cached.declaredSource ?? sourceOf(cached.path, corpusName), ...(extracted ? { extracted } : {}) });
    });
  }

  const hashesBySource = new Map<string, string[][]>();
  for (const { source, cached } of listed) {
    const lists = hashesBySource.get(source) ?? [];
    lists.push(cached.lineHashes);
    hashesBySource.set(source, lists);
  }
  const chromeBySource = new Map([...hashesBySource].map(([source, lists]) => [source, [...findRecurring(lists)].sort()]));

  const texts = listed.map(({ file, sha256, cached, source, extracted }): PlannedText => {
    const documentEntry = catalog.documents[cached.path];
    const sourceEntry = catalog.sources[source];
    const context = {
      catalog: { sources: sourceEntry ? { [source]: sourceEntry } : {}, documents: documentEntry ? { [cached.path]: documentEntry } : {} },
      corpusName,
      chromeHashes: chromeBySource.get(source) ?? [],
    };
    const key = createHash('sha256')
      .update(JSON.stringify([sha256, cached.path, source, context]))
      .digest('base64');
    return { file, sha256, cached, ...(extracted ? { extracted } : {}), context, key };
  });
  return { texts, skipped };
}
