import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpenSearchSettingsError, readEngineName, readOpenSearchSettings } from '../../indexer/opensearch/opensearch-settings.ts';

describe('OpenSearch settings', () => {
  it('reads several node addresses, an index prefix and the default timeout', () => {
    expect(readOpenSearchSettings({ PASSIM_OPENSEARCH_URL: 'http://127.0.0.1:9200, https://search.example.org/opensearch/' })).toEqual({
      urls: ['http://127.0.0.1:9200', 'https://search.example.org/opensearch'],
      indexPrefix: 'passim',
      timeoutMs: 30_000,
    });
    expect(readOpenSearchSettings({ PASSIM_OPENSEARCH_URL: 'http://a:9200', PASSIM_OPENSEARCH_INDEX_PREFIX: 'archive_2' }, { url: 'http://b:9200' }).urls).toEqual(['http://b:9200']);
  });

  it('takes basic auth or an API key, and a CA file for https', () => {
    const folder = mkdtempSync(join(tmpdir(), 'passim-ca-'));
    writeFileSync(join(folder, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
    const env = { PASSIM_OPENSEARCH_URL: 'https://search:9200', PASSIM_OPENSEARCH_USERNAME: 'passim', PASSIM_OPENSEARCH_PASSWORD: 's3cret', PASSIM_OPENSEARCH_CA: join(folder, 'ca.pem') };
    expect(readOpenSearchSettings(env)).toMatchObject({ auth: { username: 'passim', password: 's3cret' }, caFile: join(folder, 'ca.pem') });
    expect(readOpenSearchSettings({ PASSIM_OPENSEARCH_URL: 'https://search:9200', PASSIM_OPENSEARCH_API_KEY: 'a2V5' }).auth).toEqual({ apiKey: 'a2V5' });
  });

  it.each([
    [{}, /needs PASSIM_OPENSEARCH_URL/],
    [{ PASSIM_OPENSEARCH_URL: 'search host' }, /not an address like http/],
    [{ PASSIM_OPENSEARCH_URL: 'localhost:9200' }, /must be http:\/\/ or https:\/\//],
    [{ PASSIM_OPENSEARCH_URL: 'ftp://host:9200' }, /must be http:\/\/ or https:\/\//],
    [{ PASSIM_OPENSEARCH_URL: 'http://user:pw@host:9200' }, /not in PASSIM_OPENSEARCH_URL/],
    [{ PASSIM_OPENSEARCH_URL: 'http://h:9200', PASSIM_OPENSEARCH_USERNAME: 'u' }, /go together/],
    [{ PASSIM_OPENSEARCH_URL: 'http://h:9200', PASSIM_OPENSEARCH_API_KEY: 'k', PASSIM_OPENSEARCH_PASSWORD: 'p' }, /not both/],
    [{ PASSIM_OPENSEARCH_URL: 'https://h:9200', PASSIM_OPENSEARCH_CA: '/nonexistent/ca.pem' }, /cannot be read/],
    [{ PASSIM_OPENSEARCH_URL: 'http://h:9200', PASSIM_OPENSEARCH_INDEX_PREFIX: 'Passim' }, /lower-case/],
    [{ PASSIM_OPENSEARCH_URL: 'http://h:9200', PASSIM_OPENSEARCH_TIMEOUT_MS: '5s' }, /whole number of milliseconds/],
  ])('refuses %j with one line saying what is wrong', (env, message) => {
    expect(() => readOpenSearchSettings(env)).toThrow(OpenSearchSettingsError);
    expect(() => readOpenSearchSettings(env)).toThrow(message);
  });

  it('chooses the engine from --engine, then PASSIM_ENGINE, else the term index', () => {
    expect(readEngineName(undefined, {})).toBe('term-index');
    expect(readEngineName(undefined, { PASSIM_ENGINE: 'opensearch' })).toBe('opensearch');
    expect(readEngineName('term-index', { PASSIM_ENGINE: 'opensearch' })).toBe('term-index');
    expect(() => readEngineName('elastic', {})).toThrow('--engine (or PASSIM_ENGINE) must be term-index or opensearch, got "elastic"');
  });
});
