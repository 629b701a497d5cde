import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { readAllowedHosts } from '../http/allowed-hosts.ts';
import { readPublicUrl } from '../http/public-url.ts';
import { readRateLimit } from '../http/rate-limit.ts';
import { readTrustProxy, type TrustProxy } from '../http/trust-proxy.ts';
import { OPENSEARCH_SETTINGS_USAGE, readEngineName, readOpenSearchSettings, type OpenSearchSettings } from '../../indexer/opensearch/opensearch-settings.ts';

export interface ServeFlags {
  corpusDir: string;
  indexDir: string;
  clientDir: string;
  port: number;
  host: string;
  /** Server processes answering on the port; each holds the index in memory. */
  workers: number;
  /** `PASSIM_RATE_LIMIT`: API requests per minute per client address, 0 for none. */
  requestsPerMinute: number;
  /** `PASSIM_TRUST_PROXY`. */
  trustProxy: TrustProxy;
  /** `PASSIM_ALLOWED_HOSTS`, else loopback names and `host` (allowed-hosts.ts). */
  allowedHosts: string[];
  /** `--public-url` or `PASSIM_PUBLIC_URL`: the address links start with; absent, the host and port. */
  publicUrl?: string;
  /** With `--engine opensearch` (or `PASSIM_ENGINE=opensearch`): the cluster to search; absent for the term index. */
  opensearch?: OpenSearchSettings;
}

const MAX_WORKERS = 64;

/** The engine's lines of every server command's usage. */
const ENGINE_USAGE = `Engine: --engine term-index|opensearch (or PASSIM_ENGINE; default term-index, the index in --index)
${OPENSEARCH_SETTINGS_USAGE}`;

/** `--workers` (or `PASSIM_WORKERS`): a whole number, or `auto` for one per core. */
function readWorkers(raw: string): number {
  if (raw === 'auto') return availableParallelism();
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    throw new Error(`--workers (or PASSIM_WORKERS) must be a whole number from 1 to ${MAX_WORKERS}, or auto for one per core, got "${raw}"`);
  }
  return Number(raw);
}

/**
 * Reads the flags and settings shared by `npm run serve`, `npm start` and `npm run dev`. Anything
 * wrong, on the command line or in the environment, ends the process with one line saying what and
 * the usage, before anything is built or loaded.
 */
export function readServeFlags(usage: string): ServeFlags {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'data/corpus' },
        index: { type: 'string', default: 'data/index' },
        client: { type: 'string', default: 'client/dist' },
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
        workers: { type: 'string', default: process.env.PASSIM_WORKERS?.trim() || '1' },
        'public-url': { type: 'string', default: process.env.PASSIM_PUBLIC_URL ?? '' },
        engine: { type: 'string' },
        'opensearch-url': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(`${usage}\n${ENGINE_USAGE}`);
      process.exit(0);
    }
    const engine = readEngineName(values.engine);
    if (engine !== 'opensearch' && values['opensearch-url'] !== undefined) throw new Error('--opensearch-url is for --engine opensearch (or PASSIM_ENGINE=opensearch)');
    const opensearch = engine === 'opensearch' ? readOpenSearchSettings(process.env, values['opensearch-url'] === undefined ? {} : { url: values['opensearch-url'] }) : undefined;
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port (or PORT) must be a port number from 0 to 65535, got "${values.port}"`);
    const publicUrl = readPublicUrl(values['public-url']);
    return {
      ...(publicUrl === undefined ? {} : { publicUrl }),
      corpusDir: values.corpus,
      indexDir: values.index,
      clientDir: values.client,
      port,
      host: values.host,
      workers: readWorkers(values.workers),
      requestsPerMinute: readRateLimit(),
      trustProxy: readTrustProxy(),
      allowedHosts: readAllowedHosts(values.host, process.env, publicUrl),
      ...(opensearch === undefined ? {} : { opensearch }),
    };
  } catch (error) {
    console.error(`passim: ${(error as Error).message}\n${usage}\n${ENGINE_USAGE}`);
    process.exit(2);
  }
}
