import { setTimeout as sleepFor } from 'node:timers/promises';
import { OpenSearchError, type OpenSearchClient } from './opensearch-client.ts';

/** One `_bulk` action: index a document under an id, or delete one. */
export type BulkAction = { index: string; id: string; source: object } | { index: string; id: string; delete: true };

export interface BulkOptions {
  /** Largest request body in bytes (default 5 MB: OpenSearch's guidance is 5-15 MB). */
  maxBytes: number;
  /** Most actions in one request (default 2000). */
  maxActions: number;
  /** Requests in flight at once (default 2: one being indexed while the next is sent). */
  concurrency: number;
  /** Tries of a request or an action that OpenSearch refuses as too busy (429, 503) before the build fails (default 10). */
  maxTries: number;
  /** Wait before the second try, doubled each try up to maxDelayMs (default 200). */
  firstDelayMs: number;
  /** Longest wait between tries (default 20000). */
  maxDelayMs: number;
  /** How to wait (tests drive time themselves). Default: a timer. */
  sleep: (ms: number) => Promise<unknown>;
  /** Called after each request with the actions done so far. */
  onProgress?: (done: number) => void;
}

export const DEFAULT_BULK_OPTIONS: BulkOptions = { maxBytes: 5 * 1024 * 1024, maxActions: 2000, concurrency: 2, maxTries: 10, firstDelayMs: 200, maxDelayMs: 20_000, sleep: sleepFor };

export interface BulkReport {
  actions: number;
  requests: number;
  /** Requests or actions sent again after OpenSearch answered 429 or 503. */
  retries: number;
}

/** Statuses that mean "too busy now, try again": the request (or action) was not applied. */
const BUSY = new Set([429, 503]);

interface BulkItemResult {
  status: number;
  error?: { type?: string; reason?: string };
}

/**
 * Sends actions to `_bulk` in requests sized by bytes and count, a few in flight at once. A request
 * answered 429/503, or the actions in it answered 429/503 one by one, are sent again after a wait
 * that doubles each time; any other refused action fails the build with OpenSearch's reason.
 */
export async function sendBulk(client: OpenSearchClient, actions: Iterable<BulkAction>, options: Partial<BulkOptions> = {}): Promise<BulkReport> {
  const settings = { ...DEFAULT_BULK_OPTIONS, ...options };
  const report: BulkReport = { actions: 0, requests: 0, retries: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;

  const launch = (lines: string[]) => {
    const sending = sendWithRetries(client, lines, settings, report)
      .then((count) => {
        report.actions += count;
        settings.onProgress?.(report.actions);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };

  let batch: string[] = [];
  let batchBytes = 0;
  for (const action of actions) {
    const lines = toLines(action);
    const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    if (batch.length > 0 && (batchBytes + bytes > settings.maxBytes || batch.length / 2 >= settings.maxActions)) {
      launch(batch);
      batch = [];
      batchBytes = 0;
      while (inFlight.size >= settings.concurrency) await Promise.race(inFlight);
      if (failure) break;
    }
    batch.push(...lines);
    batchBytes += bytes;
  }
  if (!failure && batch.length > 0) launch(batch);
  await Promise.all(inFlight);
  if (failure) throw failure;
  return report;
}

/** A delete is one line, an index two; every action is two entries in a batch so that counting stays simple. */
function toLines(action: BulkAction): string[] {
  if ('delete' in action) return [JSON.stringify({ delete: { _index: action.index, _id: action.id } }), ''];
  return [JSON.stringify({ index: { _index: action.index, _id: action.id } }), JSON.stringify(action.source)];
}

async function sendWithRetries(client: OpenSearchClient, lines: string[], options: BulkOptions, report: BulkReport): Promise<number> {
  const total = lines.length / 2;
  let pending = lines;
  for (let attempt = 1; ; attempt += 1) {
    const body = `${pending.filter((line) => line !== '').join('\n')}\n`;
    let busy: string[] = [];
    try {
      report.requests += 1;
      const response = await client.request<{ errors: boolean; items?: Record<string, BulkItemResult>[] }>({
        method: 'POST',
        path: '/_bulk?filter_path=errors,items.*.status,items.*.error',
        body,
      });
      if (response.body.errors) busy = failedItems(pending, response.body.items ?? []);
    } catch (error) {
      if (!(error instanceof OpenSearchError && error.status !== undefined && BUSY.has(error.status))) throw error;
      busy = pending;
    }
    if (busy.length === 0) return total;
    if (attempt >= options.maxTries) throw new OpenSearchError(`OpenSearch stayed too busy to take ${busy.length / 2} of the documents after ${attempt} tries`, 429);
    report.retries += 1;
    await options.sleep(Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** (attempt - 1)));
    pending = busy;
  }
}

/** The lines of the actions to send again (refused as busy); throws on any other refusal. */
function failedItems(lines: string[], items: Record<string, BulkItemResult>[]): string[] {
  const again: string[] = [];
  items.forEach((item, at) => {
    const result = Object.values(item)[0]!;
    if (result.status < 300 || (result.status === 404 && 'delete' in item)) return;
    if (BUSY.has(result.status)) {
      again.push(lines[at * 2]!, lines[at * 2 + 1]!);
      return;
    }
    const id = (JSON.parse(lines[at * 2]!) as Record<string, { _id: string }>)[Object.keys(item)[0]!]?._id;
    throw new OpenSearchError(`OpenSearch refused document ${id}: ${result.error?.type ?? result.status}: ${result.error?.reason ?? ''}`, result.status, result.error?.type);
  });
  return again;
}
