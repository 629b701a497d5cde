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

function describeFailure(error: unknown): unknown {
  if (!(error instanceof OpenSearchError)) return error;
  // The cluster's addresses and messages stay in the server: the client is told what it can act on.
  if (error.status === undefined) return new EngineUnavailableError('The search engine (OpenSearch) cannot be reached or did not answer in time. Try again in a moment.');
  if (error.status === 429 || error.status >= 500) return new EngineUnavailableError(`The search engine (OpenSearch) could not answer now (${error.status}${error.type ? ` ${error.type}` : ''}). Try again in a moment.`);
  return error;
}
