import { defineConfig } from 'vitest/config';
import { findLocalClusterRequirements } from './server/opensearch/local-cluster/local-cluster-java.ts';

/** The HTTP API tests, run a second time on OpenSearch (tests/support/serve-on-opensearch.ts) where Java 17+ and Maven are found. */
const API_TESTS = ['api-params', 'citations', 'facets', 'query-language', 'search-api', 'seed-corpus', 'suggest'].map((name) => `tests/server/${name}.test.ts`);
const canRunOpenSearch = findLocalClusterRequirements().missing.length === 0;

export default defineConfig({
  test: {
    environment: 'node',
    // Browser tests build the client and start Chromium: give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // The OpenSearch suite (tests/support/opensearch-suite.ts) runs where Java 17+ and Maven are found.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], globalSetup: ['tests/support/opensearch-global-setup.ts'] },
      },
      ...(canRunOpenSearch
        ? [{ extends: true as const, test: { name: 'opensearch-api', include: API_TESTS, globalSetup: ['tests/support/opensearch-api-global-setup.ts'], setupFiles: ['tests/support/serve-on-opensearch.ts'] } }]
        : []),
      // One browser file at a time: a Chromium window that loses focus to another drops :focus-visible,
      // and two client builds plus two browsers at once starve a 2-core machine.
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
