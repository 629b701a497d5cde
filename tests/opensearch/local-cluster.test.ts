import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';

async function getJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
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

  it('has three nodes on distinct ports, keeps a cluster when one stops, and takes it back', async () => {
    expect(new Set(cluster.urls).size).toBe(3);
    expect((await getJson(`${cluster.urls[2]}/_cluster/health`)).number_of_nodes).toBe(3);
    await cluster.stopNode(1);
    await expect(fetch(cluster.urls[1]!)).rejects.toThrow();
    const afterStop = await getJson(`${cluster.urls[0]}/_cluster/health?wait_for_nodes=2&timeout=60s`);
    expect(afterStop.number_of_nodes).toBe(2);
    await cluster.startNode(1);
    const afterStart = await getJson(`${cluster.urls[1]}/_cluster/health?wait_for_nodes=3&timeout=120s`);
    expect(afterStart.number_of_nodes).toBe(3);
  });
});
