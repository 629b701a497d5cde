import { Worker } from 'node:worker_threads';
import type { DocumentJob, DocumentJobResult } from '../build/document-job.ts';

/**
 * Threads that build documents (clean, label, cut, analyze) while the main thread reads files and
 * merges postings: a build uses every core. Each starts through document-worker-boot.mjs.
 */

type Reply = { id: number; result: DocumentJobResult } | { id: number; error: string } | { ready: true };

export class DocumentWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (result: { result: DocumentJobResult; thread: number }) => void; reject: (error: Error) => void }>();
  private readonly load: number[];
  private readonly ready: boolean[];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number) {
    const boot = new URL('./document-worker-boot.mjs', import.meta.url);
    const module = new URL('./document-worker.ts', import.meta.url).href;
    this.load = new Array<number>(count).fill(0);
    this.ready = new Array<boolean>(count).fill(false);
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

  /** Whether a thread has loaded its module and takes jobs. */
  get anyReady(): boolean {
    return this.ready.includes(true);
  }

  /** Builds one document on the least busy thread that is ready; says which (its vocabulary numbers the analysis's terms). */
  run(job: DocumentJob): Promise<{ result: DocumentJobResult; thread: number }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // The least busy of the ready threads; any thread while none is ready (the job waits for it).
    const candidates = this.anyReady ? this.ready.map((ready, k) => (ready ? k : -1)).filter((k) => k >= 0) : this.load.map((_, k) => k);
    let slot = candidates[0]!;
    for (const k of candidates) if (this.load[k]! < this.load[slot]!) slot = k;
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
    if ('ready' in reply) {
      this.ready[slot] = true;
      return;
    }
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
