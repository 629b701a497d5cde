import { parentPort } from 'node:worker_threads';
import { Vocabulary } from '../build/analyze-document.ts';
import { runDocumentJob, type DocumentJob } from '../build/document-job.ts';

const vocabulary = new Vocabulary();

// Loading this module through tsx takes a while: the main thread builds documents itself until it hears this.
parentPort!.postMessage({ ready: true });

/** A build thread: answers each document job with its result, in the order received. */
parentPort!.on('message', ({ id, job }: { id: number; job: DocumentJob }) => {
  let result;
  try {
    result = { id, result: runDocumentJob(job, vocabulary) };
  } catch (error) {
    result = { id, error: (error as Error).stack ?? String(error) };
  }
  const transfer = result.result?.ok ? [result.result.analysis.postings.buffer as ArrayBuffer] : [];
  parentPort!.postMessage(result, transfer);
});
