import { Worker } from 'node:worker_threads';
import type { CslItem, CslStyle } from './csl-item.ts';
import type { CslReply, CslRequest } from './csl-thread.ts';

/**
 * APA, Chicago and MLA through the CSL processor (csl-processor.ts), which runs in a thread of its own,
 * started on the first citation in one of these styles, loading only the styles asked for. Preparing
 * the processor takes about a second of CPU and 120 MB for APA (60–140 ms for Chicago or MLA): on the
 * thread that answers searches it stalled every search for that long, and loaded at start it made every
 * server wait and weigh that much more, though most never format a CSL citation (Copy is plain text
 * unless the user picks a style). Here, searches go on while the first such citation waits.
 */
let thread: CitationThread | undefined;

class CitationThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (formatted: { reference: string; inText: string }) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(onEnd: (ended: CitationThread) => void) {
    const boot = new URL('./csl-thread-boot.mjs', import.meta.url);
    this.worker = new Worker(boot, { workerData: { module: new URL('./csl-thread.ts', import.meta.url).href } });
    // Idle, the thread does not keep the process alive; it does while a citation is waited for.
    this.worker.unref();
    this.worker.on('message', (reply: CslReply) => this.settle(reply));
    const fail = (error: Error) => {
      onEnd(this);
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    this.worker.on('error', (error) => fail(new Error(`the citation thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => fail(new Error(`the citation thread stopped with code ${code}`)));
  }

  format(request: Omit<CslRequest, 'id'>): Promise<{ reference: string; inText: string }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request } satisfies CslRequest);
    });
  }

  private settle(reply: CslReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) waiting?.reject(new Error(`formatting a citation failed: ${reply.error}`));
    else waiting?.resolve({ reference: reply.reference, inText: reply.inText });
  }
}

/** A reference-list entry and the in-text citation ("(Roosevelt, 1941, p. 3)") of one item, as plain text. */
export function formatWithStyle(item: CslItem, style: CslStyle, page?: number): Promise<{ reference: string; inText: string }> {
  thread ??= new CitationThread((ended) => {
    if (thread === ended) thread = undefined;
  });
  return thread.format({ item, style, ...(page === undefined ? {} : { page }) });
}
