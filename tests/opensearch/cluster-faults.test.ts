import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorResponse, HealthResponse, SearchResponse } from '../../server/api/types.ts';
import { createOpenSearchEngine } from '../../server/engine/opensearch/opensearch-engine.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { serveEngine, type RunningServer } from '../../server/serve-index.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';
import { writeOpenSearchBuild } from '../support/write-opensearch-build.ts';

const QUERIES = ['coalition', 'international cooperation', 'the', 'ministers meet', 'climat', 'daesh OR brussels', 'coop'];

interface Answer {
  at: number;
  status: number;
  code?: string;
}

/**
 * Searches from `clients` loops until `stop` resolves, recording every answer. A request that gets no
 * HTTP answer at all is recorded with status 0: the tests require there are none.
 */
async function searchUnder(url: string, clients: number, stop: Promise<void>): Promise<Answer[]> {
  const answers: Answer[] = [];
  let stopped = false;
  void stop.then(() => (stopped = true));
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!stopped) {
        const q = QUERIES[(next += 1) % QUERIES.length]!;
        try {
          const response = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`);
          const body = (await response.json()) as ErrorResponse;
          answers.push({ at: Date.now(), status: response.status, ...(response.status === 200 ? {} : { code: body.error.code }) });
        } catch {
          answers.push({ at: Date.now(), status: 0 });
        }
      }
    }),
  );
  return answers;
}

async function clusterHealth(url: string, index: string, status: 'green' | 'yellow'): Promise<void> {
  const response = await fetch(`${url}/_cluster/health/${index}?wait_for_status=${status}&timeout=120s`);
  const health = (await response.json()) as { status: string; timed_out: boolean };
  if (health.timed_out) throw new Error(`${index} did not become ${status}`);
}

/** Waits until the cluster says the index is red (it notices a node has gone at its own pace). */
async function waitForRed(url: string, index: string, deadlineMs = 120_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (((await (await fetch(`${url}/_cluster/health/${index}`)).json()) as { status: string }).status !== 'red') {
    if (Date.now() > until) throw new Error(`${index} did not turn red within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeOpenSearch('Passim on a 3-node OpenSearch cluster (3 shards, 1 replica)', () => {
  let cluster: LocalOpenSearch;
  let server: RunningServer;
  const index = buildMemoryIndex(ARCHIVE);
  beforeAll(async () => {
    cluster = await startOpenSearchCluster({ nodes: 3 });
    await writeOpenSearchBuild(cluster.urls, 'loss', index, { shards: 3, replicas: 1 });
    await clusterHealth(cluster.urls[0]!, 'loss-*', 'green');
    server = await serveEngine(createOpenSearchEngine({ urls: cluster.urls, indexPrefix: 'loss', timeoutMs: 5000 }), { port: 0 });
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  it('loses no search when a node stops under load: each is answered, 503 at most while replicas are promoted', async () => {
    let stopLoad!: () => void;
    const load = searchUnder(server.url, 8, new Promise<void>((resolve) => (stopLoad = resolve)));
    const answers: Answer[] = [];
    try {
      // Measured on the answers as they come: the load runs on its own while the node goes.
      const collected = load.then((all) => answers.push(...all));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const stoppedAt = Date.now();
      await cluster.stopNode(1);
      await clusterHealth(cluster.urls[0]!, 'loss-*', 'yellow');
      const promotedAt = Date.now();
      // Searches go on for a while on the cluster of two, then the load stops.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      stopLoad();
      await collected;
      const failed = answers.filter((answer) => answer.status !== 200);
      const unavailable = failed.filter((answer) => answer.status === 503 && answer.code === 'engine_unavailable');
      const window = unavailable.length === 0 ? 0 : unavailable.at(-1)!.at - unavailable[0]!.at;
      console.log(
        `node loss under load: ${answers.length} searches, ${answers.length - failed.length} answered 200, ${unavailable.length} answered 503 ` +
          `(over ${window} ms), other failures ${failed.length - unavailable.length}; node stopped in ${promotedAt - stoppedAt} ms to yellow`,
      );
      expect(failed.length - unavailable.length).toBe(0);
      expect(answers.slice(-8).every((answer) => answer.status === 200)).toBe(true);
    } finally {
      stopLoad();
      await load;
      await cluster.startNode(1);
      await clusterHealth(cluster.urls[0]!, 'loss-*', 'green');
    }
  }, 600_000);

  it('answers 503 while an index has a shard on no live node (red), and serves again when the node is back', async () => {
    const { indices } = await writeOpenSearchBuild(cluster.urls, 'red', index, { shards: 3, replicas: 0 });
    await clusterHealth(cluster.urls[0]!, 'red-*', 'green');
    let holder = -1;
    const red = await serveEngine(createOpenSearchEngine({ urls: cluster.urls, indexPrefix: 'red', timeoutMs: 5000 }), { port: 0 });
    try {
      expect((await fetch(`${red.url}/api/search?q=coalition`)).status).toBe(200);
      // A node holding a shard of the passage index: with no replica, that shard then has no copy.
      const shards = (await (await fetch(`${cluster.urls[0]}/_cat/shards/${indices.passages}?format=json&h=node`)).json()) as { node: string }[];
      holder = cluster.nodes.findIndex((node) => node.name === shards[0]!.node);
      expect(holder).toBeGreaterThanOrEqual(0);
      await cluster.stopNode(holder);
      await waitForRed(cluster.urls.filter((_, at) => at !== holder)[0]!, indices.passages);
      const answer = await fetch(`${red.url}/api/search?q=coalition`);
      const text = await answer.text();
      expect(answer.status).toBe(503);
      expect((JSON.parse(text) as ErrorResponse).error.code).toBe('engine_unavailable');
      expect(text).not.toMatch(/\.ts:\d+/);
      expect((await fetch(`${red.url}/api/health`)).status).toBe(503);
      await cluster.startNode(holder);
      await clusterHealth(cluster.urls[0]!, 'red-*', 'green');
      const again = await fetch(`${red.url}/api/search?q=coalition`);
      expect(again.status).toBe(200);
      expect(((await again.json()) as SearchResponse).total).toBe(runSearch(index, { q: 'coalition', sources: [], page: 1, limit: 10 }).total);
    } finally {
      await red.close();
    }
  }, 600_000);

  it('drops no search while a new build is written and swapped in, and then answers from it', async () => {
    const grown = buildMemoryIndex([...ARCHIVE, { path: 'press/2022-01-01-more.txt', title: 'More on the coalition', source: 'press', date: '2022-01-01', passages: [{ text: 'The coalition met again.' }] }]);
    const before = (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
    let stopLoad!: () => void;
    const load = searchUnder(server.url, 4, new Promise<void>((resolve) => (stopLoad = resolve)));
    try {
      await writeOpenSearchBuild(cluster.urls, 'loss', grown, { shards: 3, replicas: 1 });
      const expected = runSearch(grown, { q: 'coalition', sources: [], page: 1, limit: 10 }).total;
      const until = Date.now() + 60_000;
      while (((await (await fetch(`${server.url}/api/search?q=coalition`)).json()) as SearchResponse).total !== expected) {
        if (Date.now() > until) throw new Error('the new build was not served within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      stopLoad();
    }
    const answers = await load;
    console.log(`reindex under load: ${answers.length} searches, ${answers.filter((a) => a.status === 200).length} answered 200`, answers.filter((a) => a.status !== 200));
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    const after = (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
    expect(after.passages).toBe(before.passages + 1);
  }, 600_000);
});
