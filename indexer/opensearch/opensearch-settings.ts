import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where Passim's OpenSearch is and how to reach it, read once from the environment (and a command
 * line flag or two) by both the indexer and the server. Anything wrong is an OpenSearchSettingsError
 * with one line saying what; the command prints it with its usage and exits with 2.
 */
export type EngineName = 'term-index' | 'opensearch';

export const ENGINE_NAMES: readonly EngineName[] = ['term-index', 'opensearch'];

export type OpenSearchAuth = { username: string; password: string } | { apiKey: string };

export interface OpenSearchSettings {
  /** One or more node addresses (`PASSIM_OPENSEARCH_URL`, comma-separated), tried in turn. */
  urls: string[];
  /** Basic auth (`PASSIM_OPENSEARCH_USERNAME` + `_PASSWORD`) or an API key (`PASSIM_OPENSEARCH_API_KEY`). */
  auth?: OpenSearchAuth;
  /** A PEM file of the CA that signed the cluster's certificate (`PASSIM_OPENSEARCH_CA`), absolute. */
  caFile?: string;
  /** First part of every index and alias name (`PASSIM_OPENSEARCH_INDEX_PREFIX`, default `passim`). */
  indexPrefix: string;
  /** Milliseconds a request may take before the next node is tried (`PASSIM_OPENSEARCH_TIMEOUT_MS`, default 30000). */
  timeoutMs: number;
}

export class OpenSearchSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenSearchSettingsError';
  }
}

/** What `--engine` / PASSIM_ENGINE names; the term index when neither is given. */
export function readEngineName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): EngineName {
  const raw = (flag ?? env.PASSIM_ENGINE ?? '').trim() || 'term-index';
  if (!(ENGINE_NAMES as readonly string[]).includes(raw)) {
    throw new OpenSearchSettingsError(`--engine (or PASSIM_ENGINE) must be ${ENGINE_NAMES.join(' or ')}, got "${raw}"`);
  }
  return raw as EngineName;
}

/** Flags that take precedence over the environment. */
export interface OpenSearchFlags {
  /** `--opensearch-url`. */
  url?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** OpenSearch index names: lower case, no leading `-`, `_` or `+`; the prefix leaves room for `-passages-<version>`. */
const INDEX_PREFIX = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export function readOpenSearchSettings(env: NodeJS.ProcessEnv = process.env, flags: OpenSearchFlags = {}): OpenSearchSettings {
  const rawUrls = (flags.url ?? env.PASSIM_OPENSEARCH_URL ?? '').trim();
  if (!rawUrls) throw new OpenSearchSettingsError('the OpenSearch engine needs PASSIM_OPENSEARCH_URL (or --opensearch-url), e.g. http://127.0.0.1:9200 (several separated by commas)');
  const urls = rawUrls.split(',').map((url) => readUrl(url.trim()));

  const username = env.PASSIM_OPENSEARCH_USERNAME?.trim();
  const password = env.PASSIM_OPENSEARCH_PASSWORD;
  const apiKey = env.PASSIM_OPENSEARCH_API_KEY?.trim();
  let auth: OpenSearchAuth | undefined;
  if (apiKey && (username || password)) throw new OpenSearchSettingsError('set either PASSIM_OPENSEARCH_API_KEY or PASSIM_OPENSEARCH_USERNAME and _PASSWORD, not both');
  if (apiKey) auth = { apiKey };
  else if (username || password) {
    if (!username || !password) throw new OpenSearchSettingsError('PASSIM_OPENSEARCH_USERNAME and PASSIM_OPENSEARCH_PASSWORD go together: one is set, the other is not');
    auth = { username, password };
  }

  const ca = env.PASSIM_OPENSEARCH_CA?.trim();
  let caFile: string | undefined;
  if (ca) {
    caFile = resolve(ca);
    try {
      accessSync(caFile, constants.R_OK);
    } catch {
      throw new OpenSearchSettingsError(`PASSIM_OPENSEARCH_CA names a file that cannot be read: "${ca}"`);
    }
    if (!urls.some((url) => url.startsWith('https:'))) throw new OpenSearchSettingsError('PASSIM_OPENSEARCH_CA is set but no PASSIM_OPENSEARCH_URL is https');
  }

  const indexPrefix = env.PASSIM_OPENSEARCH_INDEX_PREFIX?.trim() || 'passim';
  if (!INDEX_PREFIX.test(indexPrefix)) {
    throw new OpenSearchSettingsError(`PASSIM_OPENSEARCH_INDEX_PREFIX takes lower-case letters, digits, "-" and "_" (not first), up to 100, got "${indexPrefix}"`);
  }

  const rawTimeout = env.PASSIM_OPENSEARCH_TIMEOUT_MS?.trim() || String(DEFAULT_TIMEOUT_MS);
  const timeoutMs = Number(rawTimeout);
  if (!/^\d+$/.test(rawTimeout) || timeoutMs < 100 || timeoutMs > 600_000) {
    throw new OpenSearchSettingsError(`PASSIM_OPENSEARCH_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000, got "${rawTimeout}"`);
  }
  return { urls, ...(auth ? { auth } : {}), ...(caFile ? { caFile } : {}), indexPrefix, timeoutMs };
}

function readUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OpenSearchSettingsError(`PASSIM_OPENSEARCH_URL holds "${raw}", which is not an address like http://127.0.0.1:9200`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OpenSearchSettingsError(`PASSIM_OPENSEARCH_URL must be http:// or https://, got "${raw}"`);
  if (url.username || url.password) throw new OpenSearchSettingsError('put OpenSearch credentials in PASSIM_OPENSEARCH_USERNAME and PASSIM_OPENSEARCH_PASSWORD, not in PASSIM_OPENSEARCH_URL');
  if (url.search || url.hash) throw new OpenSearchSettingsError(`PASSIM_OPENSEARCH_URL takes no query or fragment, got "${raw}"`);
  // Kept with its path (a cluster behind a proxy under /opensearch), without a trailing slash.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The settings' lines of a usage text. */
export const OPENSEARCH_SETTINGS_USAGE = `OpenSearch (with --engine opensearch or PASSIM_ENGINE=opensearch):
  PASSIM_OPENSEARCH_URL            node addresses, comma-separated (or --opensearch-url)
  PASSIM_OPENSEARCH_USERNAME/_PASSWORD  basic auth, or PASSIM_OPENSEARCH_API_KEY
  PASSIM_OPENSEARCH_CA             CA certificate (PEM) for https
  PASSIM_OPENSEARCH_INDEX_PREFIX   index and alias names start with it (default passim)
  PASSIM_OPENSEARCH_TIMEOUT_MS     per request, before the next node is tried (default 30000)`;
