import { defineConfig } from 'vitest/config';

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
      // One browser file at a time: a Chromium window that loses focus to another drops :focus-visible,
      // and two client builds plus two browsers at once starve a 2-core machine.
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
