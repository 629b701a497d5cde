import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBuiltIndex } from '../../indexer/index/read-built-index.ts';
import { createOpenSearchClient } from '../../indexer/opensearch/opensearch-client.ts';
import { readOpenSearchSettings } from '../../indexer/opensearch/opensearch-settings.ts';
import { writeOpenSearchBuild } from '../../indexer/opensearch/write-opensearch-build.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder } from '../support/fixture-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';

async function getJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url);
  const body = await response.text();
  // The body says what a timed-out wait was still waiting for (nodes, status, shards).
  expect({ status: response.status, body }).toMatchObject({ status: 200 });
  return JSON.parse(body) as Record<string, unknown>;
}

describeOpenSearch('a local OpenSearch node', () => {
  let cluster: LocalOpenSearch;
  beforeAll(async () => {
    cluster = await startOpenSearchCluster();
  }, 300_000);
  afterAll(() => cluster?.stop());

  it('is OpenSearch 2.19 under its own cluster name, on a loopback port, with the analysis modules', async () => {
    expect(cluster.urls).toHaveLength(1);
    expect(cluster.urls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const root = await getJson(cluster.urls[0]!);
    expect(root.cluster_name).toBe(cluster.clusterName);
    expect((root.version as { number: string }).number).toMatch(/^2\.19\./);
    const health = await getJson(`${cluster.urls[0]}/_cluster/health`);
    expect(health.status).toBe('green');
    const analyzed = await fetch(`${cluster.urls[0]}/_analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokenizer: 'standard', filter: ['lowercase', 'asciifolding', { type: 'snowball', language: 'French' }], text: 'Coopération' }),
    });
    expect(((await analyzed.json()) as { tokens: { token: string }[] }).tokens.map((token) => token.token)).toEqual(['cooper']);
  });
});

describeOpenSearch('a local 3-node OpenSearch cluster', () => {
  let cluster: LocalOpenSearch;
  beforeAll(async () => {
    cluster = await startOpenSearchCluster({ nodes: 3 });
  }, 300_000);
  afterAll(() => cluster?.stop());

  it('has three nodes on distinct ports, keeps a cluster and every passage when one stops, and takes it back', async () => {
    expect(new Set(cluster.urls).size).toBe(3);
    expect((await getJson(`${cluster.urls[2]}/_cluster/health`)).number_of_nodes).toBe(3);
    // Passages on 3 shards with a replica each: any one node can go.
    const folder = await makeTempFolder();
    const client = createOpenSearchClient(readOpenSearchSettings({ PASSIM_OPENSEARCH_URL: cluster.urls.join(',') }));
    try {
      const built = await readBuiltIndex((await buildTempIndex(FIXTURE_CORPUS, folder)).indexDir);
      await writeOpenSearchBuild(built, { client, indexPrefix: 'three', shards: 3, replicas: 1 });
      // Every index of the build (passages, documents, terms) has both copies started before a node
      // goes: a replica still recovering when the node with its primary stops leaves that index red.
      const health = await getJson(`${cluster.urls[0]}/_cluster/health/three-*?wait_for_status=green&wait_for_no_initializing_shards=true&timeout=120s`);
      expect(health).toMatchObject({ status: 'green', active_primary_shards: 7, active_shards: 14, initializing_shards: 0, unassigned_shards: 0 });
      await cluster.stopNode(1);
      await expect(fetch(cluster.urls[1]!)).rejects.toThrow();
      const afterStop = await getJson(`${cluster.urls[0]}/_cluster/health?wait_for_nodes=2&wait_for_status=yellow&timeout=120s`);
      expect(afterStop.number_of_nodes).toBe(2);
      expect((await getJson(`${cluster.urls[2]}/three-passages/_count`)).count).toBe(built.manifest.passageCount);
    } finally {
      client.close();
      await folder.remove();
    }
    await cluster.startNode(1);
    const afterStart = await getJson(`${cluster.urls[1]}/_cluster/health?wait_for_nodes=3&timeout=120s`);
    expect(afterStart.number_of_nodes).toBe(3);
  }, 420_000);
});
