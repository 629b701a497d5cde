import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { OpenSearchSettings } from './opensearch-settings.ts';

/**
 * The one HTTP client Passim talks to OpenSearch with (indexer and server): JSON in and out over
 * keep-alive connections, basic auth or an API key, a CA file for TLS, and the configured nodes
 * tried in turn when one cannot be reached. No official client: Passim needs a dozen calls, and
 * node:http gives timeouts, agents and TLS options directly.
 */
export class OpenSearchError extends Error {
  constructor(
    message: string,
    /** HTTP status, or undefined when no node answered. */
    readonly status: number | undefined,
    /** OpenSearch's error type (`index_not_found_exception`), when it gave one. */
    readonly type?: string,
  ) {
    super(message);
    this.name = 'OpenSearchError';
  }
}

export interface OpenSearchRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. `/_bulk?refresh=false`. */
  path: string;
  /** A value sent as JSON, or a string sent as is (NDJSON for `_bulk`). */
  body?: unknown;
  /** Statuses that are answers rather than errors (e.g. 404 for an existence check). */
  accept?: number[];
  /** Overrides the settings' timeout. */
  timeoutMs?: number;
}

export interface OpenSearchResponse<T> {
  status: number;
  body: T;
}

export interface OpenSearchClient {
  request<T = unknown>(request: OpenSearchRequest): Promise<OpenSearchResponse<T>>;
  /** Closes the keep-alive connections. */
  close(): void;
}

/** Errors where another node may answer: the request did not reach OpenSearch or got no answer. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'ERR_SOCKET_CLOSED']);

export function createOpenSearchClient(settings: OpenSearchSettings): OpenSearchClient {
  const ca = settings.caFile ? readFileSync(settings.caFile) : undefined;
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32, ...(ca ? { ca } : {}) });
  const authorization = !settings.auth
    ? undefined
    : 'apiKey' in settings.auth
      ? `ApiKey ${settings.auth.apiKey}`
      : `Basic ${Buffer.from(`${settings.auth.username}:${settings.auth.password}`).toString('base64')}`;
  // Start on a different node per process, then keep to the one that answers.
  let next = Math.floor(Math.random() * settings.urls.length);

  function send<T>(base: string, request: OpenSearchRequest): Promise<OpenSearchResponse<T>> {
    const url = new URL(base + request.path);
    const https = url.protocol === 'https:';
    const payload = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = typeof request.body === 'string' ? 'application/x-ndjson' : 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (authorization) headers.authorization = authorization;
    return new Promise((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(url, { method: request.method, headers, agent: https ? httpsAgent : httpAgent }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON (a proxy's error page): kept as text for the message.
          }
          resolve({ status: res.statusCode ?? 0, body: body as T });
        });
      });
      req.setTimeout(request.timeoutMs ?? settings.timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${request.timeoutMs ?? settings.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(payload);
    });
  }

  return {
    async request<T>(request: OpenSearchRequest): Promise<OpenSearchResponse<T>> {
      const failures: string[] = [];
      for (let tried = 0; tried < settings.urls.length; tried += 1) {
        const at = (next + tried) % settings.urls.length;
        const base = settings.urls[at]!;
        let response: OpenSearchResponse<T>;
        try {
          response = await send<T>(base, request);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? '';
          if (!UNREACHABLE.has(code)) throw new OpenSearchError(`OpenSearch at ${base}: ${(error as Error).message}`, undefined);
          failures.push(`${base}: ${(error as Error).message}`);
          continue;
        }
        next = at;
        if (response.status < 300 || request.accept?.includes(response.status)) return response;
        throw errorOf(request, response);
      }
      throw new OpenSearchError(`OpenSearch cannot be reached (${failures.join('; ')})`, undefined);
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function errorOf(request: OpenSearchRequest, response: OpenSearchResponse<unknown>): OpenSearchError {
  const error = (response.body as { error?: { type?: string; reason?: string } | string } | undefined)?.error;
  const type = typeof error === 'object' ? error.type : undefined;
  const reason = typeof error === 'object' ? error.reason : typeof error === 'string' ? error : typeof response.body === 'string' ? response.body.slice(0, 200) : '';
  return new OpenSearchError(`OpenSearch answered ${response.status} to ${request.method} ${request.path.split('?')[0]}: ${type ? `${type}: ` : ''}${reason}`, response.status, type);
}
