import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorResponse, SearchResponse } from '../../server/api/types.ts';
import { createOpenSearchEngine } from '../../server/engine/opensearch/opensearch-engine.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { serveEngine, type RunningServer } from '../../server/serve-index.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';
import { writeOpenSearchBuild } from '../support/write-opensearch-build.ts';

async function getJson<T>(url: string): Promise<{ status: number; body: T; text: string }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T, text };
}

/** Asks until the answer has the status, for at most `deadlineMs` (the cluster's own pace, not the test's). */
async function waitForStatus(url: string, status: number, deadlineMs = 120_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if ((await fetch(url)).status === status) return;
    if (Date.now() > until) throw new Error(`${url} did not answer ${status} within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function expectUnavailable(answer: { status: number; body: ErrorResponse; text: string }): void {
  expect(answer.status).toBe(503);
  expect(answer.body.error.code).toBe('engine_unavailable');
  expect(answer.body.error.message).toMatch(/OpenSearch/);
  expect(answer.body.error.message).not.toMatch(/127\.0\.0\.1|http:/);
  expect(answer.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describeOpenSearch('the OpenSearch engine when the cluster fails', () => {
  let cluster: LocalOpenSearch;
  const index = buildMemoryIndex(ARCHIVE);
  beforeAll(async () => {
    cluster = await startOpenSearchCluster({ nodes: 1 });
  }, 300_000);
  afterAll(() => cluster?.stop());

  it('answers 503 engine_unavailable while the cluster is down, from the start, and serves once it is back', async () => {
    await writeOpenSearchBuild(cluster.urls, 'down', index);
    await cluster.stopNode(0);
    const server = await serveEngine(createOpenSearchEngine({ urls: cluster.urls, indexPrefix: 'down', timeoutMs: 2000 }), { port: 0 });
    try {
      expectUnavailable(await getJson<ErrorResponse>(`${server.url}/api/search?q=coalition`));
      expectUnavailable(await getJson<ErrorResponse>(`${server.url}/api/health`));
      await cluster.startNode(0);
      await waitForStatus(`${server.url}/api/search?q=coalition`, 200);
      expect((await getJson<SearchResponse>(`${server.url}/api/search?q=coalition`)).body.total).toBe(runSearch(index, { q: 'coalition', sources: [], page: 1, limit: 10 }).total);

      await cluster.stopNode(0);
      expectUnavailable(await getJson<ErrorResponse>(`${server.url}/api/search?q=coalition`));
      await cluster.startNode(0);
      await waitForStatus(`${server.url}/api/search?q=coalition`, 200);
    } finally {
      await server.close();
    }
  }, 300_000);
});

describeOpenSearch('the OpenSearch engine when the cluster is slow', () => {
  let silent: Server;
  let server: RunningServer;
  beforeAll(async () => {
    // Takes connections and never answers: a cluster stuck in a long pause.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    server = await serveEngine(createOpenSearchEngine({ urls: [`http://127.0.0.1:${port}`], indexPrefix: 'slow', timeoutMs: 300 }), { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    silent?.close();
  });

  it('answers 503 engine_unavailable when the cluster does not answer in time', async () => {
    const answer = await getJson<ErrorResponse>(`${server.url}/api/search?q=coalition`);
    expectUnavailable(answer);
    expect(answer.body.error.message).toMatch(/in time/);
  });
});
