import type { TestProject } from 'vitest/node';
import { startOpenSearchCluster } from './opensearch-cluster.ts';

/** One OpenSearch node for every file of the `opensearch-api` project, stopped when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startOpenSearchCluster({ nodes: 1 });
  project.provide('opensearchApiUrls', cluster.urls);
  return () => cluster.stop();
}
