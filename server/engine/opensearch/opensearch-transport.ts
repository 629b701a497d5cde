import { createOpenSearchClient, OpenSearchError } from '../../../indexer/opensearch/opensearch-client.ts';
import type { OpenSearchSettings } from '../../../indexer/opensearch/opensearch-settings.ts';
import { EngineUnavailableError } from '../engine-unavailable.ts';

export { OpenSearchError } from '../../../indexer/opensearch/opensearch-client.ts';

/** One request to the cluster; resolves with the response body. */
export type SendRequest = <T>(method: 'GET' | 'POST' | 'HEAD', path: string, body?: unknown) => Promise<T>;

/**
 * Requests to the cluster over Passim's OpenSearch client (the one the indexer uses: keep-alive,
 * auth, CA, the next node tried when one cannot be reached). When no node answers, or in time, or the
 * cluster answers that it cannot (429, 5xx), the request fails with `EngineUnavailableError` (503
 * `engine_unavailable`); other answers stay `OpenSearchError`s with their status and type.
 */
export function connectOpenSearch(settings: OpenSearchSettings): { send: SendRequest; close: () => void } {
  const client = createOpenSearchClient(settings);
  const send: SendRequest = async <T>(method: 'GET' | 'POST' | 'HEAD', path: string, body?: unknown) => {
    try {
      return (await client.request<T>({ method, path, ...(body === undefined ? {} : { body }) })).body;
    } catch (error) {
      throw describeFailure(error);
    }
  };
  return { send, close: () => client.close() };
}

/**
 * Errors OpenSearch answers with 404 while a node has just left and its shards' replicas are not
 * promoted yet (a search gets "Partial shards failure"): the cluster cannot answer now, not a bad request.
 */
const SHARDS_MISSING_FOR_NOW = new Set(['search_phase_execution_exception', 'no_shard_available_action_exception', 'shard_not_found_exception']);

/** What a failed request to the cluster is for the routes: `EngineUnavailableError` when trying again later can work. */
export function describeFailure(error: unknown): unknown {
  if (!(error instanceof OpenSearchError)) return error;
  // The cluster's addresses and messages stay in the server: the client is told what it can act on.
  if (error.status === undefined) return new EngineUnavailableError('The search engine (OpenSearch) cannot be reached or did not answer in time. Try again in a moment.');
  const shardsMissing = error.status === 404 && error.type !== undefined && SHARDS_MISSING_FOR_NOW.has(error.type);
  if (error.status === 429 || error.status >= 500 || shardsMissing) {
    return new EngineUnavailableError(`The search engine (OpenSearch) could not answer now (${error.status}${error.type ? ` ${error.type}` : ''}). Try again in a moment.`);
  }
  return error;
}
