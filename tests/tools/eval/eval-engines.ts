import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { SearchResponse } from '../../../server/api/types.ts';
import { createApp } from '../../../server/http/create-app.ts';
import { loadIndex } from '../../../server/index/load-index.ts';
import { CUTOFF } from './score-ranking.ts';

/** One passage as the baselines index it: the text of a Passim passage, under its id. */
export interface EvalPassage {
  id: string;
  text: string;
}

/** An engine under evaluation: the ids of its top 10 passages for a query. */
export interface EvalEngine {
  name: string;
  search: (q: string) => Promise<string[]>;
  close: () => Promise<void>;
}

/** The real app (query language, ranking and all) serving an index on an ephemeral loopback port. */
export async function servePassim(indexDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const index = await loadIndex(indexDir);
  return listenOnLoopback(createApp({ getIndex: () => index, requestsPerMinute: 0 }));
}

async function listenOnLoopback(app: ReturnType<typeof createApp>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

/** Passim through the HTTP API it serves, over the index built from the corpus. */
export async function startPassim(indexDir: string): Promise<EvalEngine> {
  return evalThroughApi('Passim', await servePassim(indexDir));
}

/**
 * Passim on OpenSearch: a local cluster of `nodes` nodes (3 shards and 1 replica from 3 nodes), the
 * index written into it, and the same app with the OpenSearch engine.
 */
export async function startPassimOnOpenSearch(indexDir: string, nodes: number): Promise<EvalEngine> {
  const [{ startOpenSearchCluster }, { writeOpenSearchBuild }, { createOpenSearchEngine }] = await Promise.all([
    import('../../support/opensearch-cluster.ts'),
    import('../../support/write-opensearch-build.ts'),
    import('../../../server/engine/opensearch/opensearch-engine.ts'),
  ]);
  const cluster = await startOpenSearchCluster({ nodes, quickStart: false });
  await writeOpenSearchBuild(cluster.urls, 'eval', await loadIndex(indexDir), { shards: nodes, replicas: nodes > 1 ? 1 : 0 });
  const engine = createOpenSearchEngine({ urls: cluster.urls, indexPrefix: 'eval' });
  const served = await listenOnLoopback(createApp({ engine, requestsPerMinute: 0 }));
  return evalThroughApi(`Passim on OpenSearch (${nodes} node${nodes > 1 ? 's' : ''})`, {
    url: served.url,
    close: async () => {
      await served.close();
      await engine.close();
      await cluster.stop();
    },
  });
}

function evalThroughApi(name: string, { url, close }: { url: string; close: () => Promise<void> }): EvalEngine {
  return {
    name,
    search: async (q) => {
      const response = await fetch(`${url}/api/search?${new URLSearchParams({ q, limit: String(CUTOFF) })}`);
      if (!response.ok) throw new Error(`${name} answered ${response.status} to ${q}`);
      const body = (await response.json()) as SearchResponse;
      return body.hits.map((hit) => hit.id);
    },
    close,
  };
}

const QUERY_WORD = /[\p{L}\p{N}]+/gu;
const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * SQLite FTS5 ranked by bm25 (unicode61 tokenizer, diacritics removed), in an in-memory database. A
 * query is the OR of its words, the last one also as a prefix, as a search box that answers while
 * typing would send it (AND would lose every query with a typo or a wrong word).
 */
export function startFts5(passages: readonly EvalPassage[], { name = 'FTS5 bm25', tokenizer = 'unicode61 remove_diacritics 2' } = {}): EvalEngine {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE passages USING fts5(id UNINDEXED, text, tokenize = '${tokenizer}')`);
  const insert = db.prepare('INSERT INTO passages (id, text) VALUES (?, ?)');
  db.transaction(() => passages.forEach((passage) => insert.run(passage.id, passage.text)))();
  db.exec("INSERT INTO passages(passages) VALUES('optimize')");
  const select = db.prepare(`SELECT id FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ${CUTOFF}`);
  return {
    name,
    search: async (q) => {
      const words = q.match(QUERY_WORD) ?? [];
      if (words.length === 0) return [];
      const match = words.map((word, at) => (at === words.length - 1 ? `${quote(word)}*` : quote(word))).join(' OR ');
      return (select.all(match) as { id: string }[]).map((row) => row.id);
    },
    close: async () => {
      db.close();
    },
  };
}

/** MiniSearch as most projects use it: default tokenizer and term processing, `prefix: true, fuzzy: 0.2`, OR. */
export function startRawMiniSearch(passages: readonly EvalPassage[]): EvalEngine {
  const index = new MiniSearch<EvalPassage>({ fields: ['text'] });
  index.addAll(passages);
  return {
    name: 'raw MiniSearch',
    search: async (q) =>
      index
        .search(q, { prefix: true, fuzzy: 0.2 })
        .slice(0, CUTOFF)
        .map((result) => result.id as string),
    close: async () => {},
  };
}
