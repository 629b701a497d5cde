import { describe, inject } from 'vitest';

/**
 * The OpenSearch suite runs where Java 17+ and Maven are found (the global setup looks once per run,
 * see opensearch-global-setup.ts) and is skipped, with one line saying what to install, where not.
 * With PASSIM_REQUIRE_OPENSEARCH=1 (as CI sets) a machine without them fails the run instead.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    opensearch: { available: boolean; missing: string[] };
  }
}

/** `describe` when the machine can run OpenSearch, `describe.skip` when it cannot. */
export const describeOpenSearch = inject('opensearch')?.available ? describe : describe.skip;
