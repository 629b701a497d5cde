import { describe, expect, it } from 'vitest';
import { EngineUnavailableError } from '../../server/engine/engine-unavailable.ts';
import { describeFailure, OpenSearchError } from '../../server/engine/opensearch/opensearch-transport.ts';

describe('a failed request to OpenSearch', () => {
  it('is "unavailable" (503, try again) when no node answers, the cluster is busy or failing, or a just-lost node left shards missing', () => {
    for (const error of [
      new OpenSearchError('no node answered', undefined),
      new OpenSearchError('too many requests', 429, 'circuit_breaking_exception'),
      new OpenSearchError('failing', 503, 'cluster_block_exception'),
      new OpenSearchError('Partial shards failure', 404, 'search_phase_execution_exception'),
      new OpenSearchError('no shard available', 404, 'no_shard_available_action_exception'),
    ]) {
      expect(describeFailure(error)).toBeInstanceOf(EngineUnavailableError);
    }
  });

  it('stays the error it is when it says something else (a missing index, a bad request)', () => {
    for (const error of [
      new OpenSearchError('no such index', 404, 'index_not_found_exception'),
      new OpenSearchError('all shards failed', 400, 'search_phase_execution_exception'),
      new OpenSearchError('not found', 404),
    ]) {
      expect(describeFailure(error)).toBe(error);
    }
  });
});
