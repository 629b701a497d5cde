import type { TestProject } from 'vitest/node';
import { findLocalClusterRequirements, INSTALL_HINT } from '../../server/opensearch/local-cluster/local-cluster-java.ts';

/**
 * Looks once per test run for what the OpenSearch suite needs. Missing: the suite is skipped with one
 * line saying what to install, or, with PASSIM_REQUIRE_OPENSEARCH=1 (CI), the run fails.
 */
export default function setup(project: TestProject): void {
  const { missing } = findLocalClusterRequirements();
  if (missing.length > 0) {
    const line = `OpenSearch suite skipped: missing ${missing.join(' and ')}; ${INSTALL_HINT}`;
    if (process.env.PASSIM_REQUIRE_OPENSEARCH === '1') throw new Error(`${line} (PASSIM_REQUIRE_OPENSEARCH=1 makes this a failure)`);
    console.warn(line);
  }
  project.provide('opensearch', { available: missing.length === 0, missing });
}
