import { Worker } from 'node:worker_threads';
import type { DocumentJob, DocumentJobResult } from './document-job.ts';

/**
 * Threads that build documents (clean, label, cut, analyze) while the main thread reads files and
 * merges postings: a build uses every core. Each starts through document-worker-boot.mjs.
 */

type Reply = { id: number; result: DocumentJobResult } | { id: number; error: string };

export class DocumentWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (result: { result: DocumentJobResult; thread: number }) => void; reject: (error: Error) => void }>();
  private readonly load: number[];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number) {
    const boot = new URL('./document-worker-boot.mjs', import.meta.url);
    const module = new URL('./document-worker.ts', import.meta.url).href;
    this.load = new Array<number>(count).fill(0);
    this.workers = Array.from({ length: count }, (_, slot) => {
      const worker = new Worker(boot, { workerData: { module } });
      worker.on('message', (reply: Reply) => this.settle(slot, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a build thread stopped with code ${code}`));
      });
      return worker;
    });
  }

  get count(): number {
    return this.workers.length;
  }

  /** Builds one document on the least busy thread; says which (its vocabulary numbers the analysis's terms). */
  run(job: DocumentJob): Promise<{ result: DocumentJobResult; thread: number }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let slot = 0;
    for (let k = 1; k < this.load.length; k += 1) if (this.load[k]! < this.load[slot]!) slot = k;
    this.load[slot] = this.load[slot]! + 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[slot]!.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the build threads were closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(slot: number, reply: Reply): void {
    this.load[slot] = this.load[slot]! - 1;
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('error' in reply) waiting?.reject(new Error(`building a document failed: ${reply.error}`));
    else waiting?.resolve({ result: reply.result, thread: slot });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}
