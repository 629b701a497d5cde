import type { CorpusFile } from '../corpus/list-corpus-files.ts';
import type { CachedDocument } from '../build-cache/build-cache.ts';
import { Vocabulary } from './analyze-document.ts';
import { collectGarbage } from '../build-cache/collect-garbage.ts';
import { runDocumentJob, type DocumentJobResult } from './document-job.ts';
import type { DocumentWorkers } from '../threads/document-workers.ts';
import type { StoredDocument } from '../index/index-format.ts';
import type { PlannedText } from './plan-texts.ts';
import { extractAgain } from './read-corpus-files.ts';
import type { PreviousBuild } from '../build-cache/read-previous-build.ts';
import { serializeTermIndex } from '../index/term-index-file.ts';
import { TermIndexBuilder } from './term-index-builder.ts';

/** Above this many passages, a build collects its garbage between its big steps (see collect-garbage.ts). */
export const LARGE_BUILD_PASSAGES = 50_000;
/** Below this many documents to build, threads cost more to start than they save. */
export const FEW_DOCUMENTS = 16;
/** Documents sent to the threads ahead of the one being merged, per thread: enough to keep them busy, few enough to bound memory. */
const AHEAD_PER_THREAD = 4;

/** What became of one text: its document (built or kept), or the reason it has none, and what the cache keeps of it. */
export interface DocumentResult {
  path: string;
  file: string;
  document?: StoredDocument;
  cached: CachedDocument;
}

export interface BuildInOrderInput {
  texts: PlannedText[];
  /** What the previous build made of each text, by path. */
  previousDocuments: Record<string, CachedDocument>;
  /** The previous index, when it can be reused. */
  previousBuild: PreviousBuild | undefined;
  listing: readonly CorpusFile[];
  /** Closed once the last document is in: their memory goes before the index is finished. */
  workers: DocumentWorkers | undefined;
  /** Whether the main thread builds documents itself while no thread is ready yet (else it waits for them). */
  mainHelps: boolean;
  onDocument?: (done: number, path: string) => void;
}

/**
 * Turns the planned texts into documents and the term index, in corpus order. A text whose key is the
 * one of the previous build keeps its document and its postings from the previous index; the others
 * are built (on the threads when there are any) and merged as they come, in order.
 */
export async function buildDocumentsInOrder(input: BuildInOrderInput): Promise<{ results: DocumentResult[]; termIndexFile: Uint8Array; passageCount: number; documentsBuilt: number }> {
  const { texts, previousDocuments, previousBuild } = input;
  const reuse = texts.map(({ cached, key }) => {
    const before = previousDocuments[cached.path];
    if (before?.key !== key) return undefined;
    if (!before.outcome.ok) return before;
    return previousBuild?.documents.has(cached.path) ? before : undefined;
  });
  await extractUnread(texts.filter((_, at) => reuse[at] === undefined), input.listing);

  const pending: (Promise<Built> | undefined)[] = [];
  let dispatched = 0;
  const dispatchUpTo = (at: number, limit: number) => {
    // Until a thread is ready, the main thread builds the text it is at itself.
    if (!input.workers || (input.mainHelps && !input.workers.anyReady)) {
      dispatched = Math.max(dispatched, at + 1);
      return;
    }
    for (; dispatched < Math.min(limit, texts.length); dispatched += 1) {
      const text = texts[dispatched]!;
      if (reuse[dispatched] !== undefined || !text.extracted || !input.workers) continue;
      pending[dispatched] = input.workers.run({ text: text.extracted, ...text.context });
      // The thread has its copy: the text need not stay here.
      delete text.extracted;
    }
  };
  const ahead = input.workers ? AHEAD_PER_THREAD * 8 : 0;

  const builder = new TermIndexBuilder();
  // Documents built here (few, or no threads) are numbered in a vocabulary after the threads' ones.
  const local = { vocabulary: new Vocabulary(), thread: input.workers?.count ?? 0 };
  const passageMap = new Int32Array(previousBuild?.termIndex.passageCount ?? 0).fill(-1);
  const results: DocumentResult[] = [];
  let passage = 0;
  let documentsBuilt = 0;
  for (const [at, text] of texts.entries()) {
    dispatchUpTo(at, at + 1 + ahead);
    const path = text.cached.path;
    const before = reuse[at];
    if (before?.outcome.ok) {
      const kept = previousBuild!.documents.get(path)!;
      for (let k = 0; k < kept.document.passages.length; k += 1) passageMap[kept.firstPassage + k] = passage + k;
      passage += kept.document.passages.length;
      for (const [term, form, count] of before.outcome.variants) builder.addVariant(term, form, count);
      results.push({ path, file: text.file, document: kept.document, cached: before });
    } else if (before) {
      results.push({ path, file: text.file, cached: before });
    } else {
      const inline = pending[at] === undefined;
      const { result: built, thread } = await buildOne(text, pending[at], local);
      // Let the threads' messages in (the one saying a thread is ready) between documents built here.
      if (inline && input.workers) await new Promise((resolve) => setImmediate(resolve));
      pending[at] = undefined;
      if (built.ok) {
        builder.add(passage, built.analysis, thread);
        documentsBuilt += 1;
        passage += built.document.passages.length;
        results.push({ path, file: text.file, document: built.document, cached: { key: text.key, outcome: { ok: true, variants: built.analysis.variants } } });
      } else {
        results.push({ path, file: text.file, cached: { key: text.key, outcome: { ok: false, reason: built.reason } } });
      }
    }
    input.onDocument?.(at + 1, path);
  }
  await input.workers?.close();
  // Serialized here, so that the index's arrays can go before the documents are serialized too.
  const termIndexFile = serializeTermIndex(builder.finish(passage, previousBuild ? { index: previousBuild.termIndex, passageMap } : undefined));
  if (passage > LARGE_BUILD_PASSAGES) collectGarbage();
  return { results, termIndexFile, passageCount: passage, documentsBuilt };
}

type Built = { result: DocumentJobResult; thread: number };

async function buildOne(text: PlannedText, pending: Promise<Built> | undefined, local: { vocabulary: Vocabulary; thread: number }): Promise<Built> {
  if (pending) return pending;
  if (!text.extracted) return { result: { ok: false, reason: 'the file changed while it was being indexed' }, thread: local.thread };
  const result = runDocumentJob({ text: text.extracted, ...text.context }, local.vocabulary);
  delete text.extracted;
  return { result, thread: local.thread };
}

/**
 * Reads again the files of texts to build that this run took from the cache (unchanged files whose
 * source's chrome or catalog entry changed): their documents are made anew from their text.
 */
async function extractUnread(texts: PlannedText[], listing: readonly CorpusFile[]): Promise<void> {
  const unread = texts.filter((text) => !text.extracted);
  if (unread.length === 0) return;
  const byPath = new Map(listing.map((file) => [file.path, file]));
  for (const file of new Set(unread.map((text) => text.file))) {
    const result = await extractAgain(byPath.get(file)!);
    if (!result.ok) continue;
    const extracted = new Map(result.texts.map((text) => [text.path, text]));
    for (const text of unread) if (text.file === file && extracted.has(text.cached.path)) text.extracted = extracted.get(text.cached.path)!;
  }
}
