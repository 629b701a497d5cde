import { parentPort } from 'node:worker_threads';
import type { CslItem, CslStyle } from './csl-item.ts';
import { formatWithProcessor } from './csl-processor.ts';

/** A request to the citation thread, and its answer. */
export interface CslRequest {
  id: number;
  item: CslItem;
  style: CslStyle;
  page?: number;
}
export type CslReply = { id: number; reference: string; inText: string } | { id: number; error: string };

/** The citation thread: formats each item it is sent, in the order received (see csl-styles.ts). */
parentPort!.on('message', ({ id, item, style, page }: CslRequest) => {
  let reply: CslReply;
  try {
    reply = { id, ...formatWithProcessor(item, style, page) };
  } catch (error) {
    reply = { id, error: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
