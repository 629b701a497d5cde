import { describe, expect, it } from 'vitest';
import type { OpenSearchClient, OpenSearchRequest } from '../../indexer/opensearch/opensearch-client.ts';
import { sendBulk, type BulkAction } from '../../indexer/opensearch/send-bulk.ts';

/** A client that answers each `_bulk` request with the next of `answers` (item statuses), recording the ids each request carried. */
function scriptedClient(answers: { status: number; type?: string }[][]) {
  const requests: string[][] = [];
  const client: OpenSearchClient = {
    close: () => {},
    async request<T>(request: OpenSearchRequest) {
      const lines = (request.body as string).trim().split('\n');
      const ids = lines.filter((line) => /"_id"/.test(line)).map((line) => (Object.values(JSON.parse(line) as Record<string, { _id: string }>)[0]!)._id);
      requests.push(ids);
      const statuses: { status: number; type?: string }[] = answers[requests.length - 1] ?? ids.map(() => ({ status: 201 }));
      const items = statuses.map(({ status, type }) => ({ index: { status, ...(type ? { error: { type, reason: `${type} (test)` } } : {}) } }));
      return { status: 200, body: { errors: statuses.some(({ status }) => status >= 300), items } as T };
    },
  };
  return { client, requests };
}

const actions = (count: number): BulkAction[] => Array.from({ length: count }, (_, i) => ({ index: 'passages', id: `p${i}`, source: { text: `passage ${i}` } }));

describe('bulk requests to OpenSearch', () => {
  it('sizes requests by action count and by bytes', async () => {
    const byCount = scriptedClient([]);
    await sendBulk(byCount.client, actions(5), { maxActions: 2, concurrency: 1 });
    expect(byCount.requests).toEqual([['p0', 'p1'], ['p2', 'p3'], ['p4']]);
    const byBytes = scriptedClient([]);
    await sendBulk(byBytes.client, actions(3), { maxBytes: 100, concurrency: 1 });
    expect(byBytes.requests).toEqual([['p0'], ['p1'], ['p2']]);
  });

  it('sends again only the documents refused as too busy, after a wait, and counts each once', async () => {
    const { client, requests } = scriptedClient([[{ status: 201 }, { status: 429, type: 'rejected_execution_exception' }, { status: 201 }]]);
    const waits: number[] = [];
    const done: number[] = [];
    const report = await sendBulk(client, actions(3), { concurrency: 1, sleep: async (ms) => waits.push(ms), onProgress: (count) => done.push(count) });
    expect(requests).toEqual([['p0', 'p1', 'p2'], ['p1']]);
    expect(waits).toEqual([200]);
    expect(report).toEqual({ actions: 3, requests: 2, retries: 1 });
    expect(done).toEqual([3]);
  });

  it('fails the build with OpenSearch’s reason and the document when a document is refused for another reason', async () => {
    const { client } = scriptedClient([[{ status: 201 }, { status: 400, type: 'mapper_parsing_exception' }]]);
    await expect(sendBulk(client, actions(2), { concurrency: 1 })).rejects.toThrow('OpenSearch refused document p1: mapper_parsing_exception: mapper_parsing_exception (test)');
  });

  it('gives up after the last try when OpenSearch stays too busy', async () => {
    const busy = Array.from({ length: 3 }, () => [{ status: 429 }]);
    const { client, requests } = scriptedClient(busy);
    const waits: number[] = [];
    await expect(sendBulk(client, actions(1), { maxTries: 3, sleep: async (ms) => waits.push(ms) })).rejects.toThrow('OpenSearch stayed too busy to take 1 of the documents after 3 tries');
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([200, 400]);
  });
});
