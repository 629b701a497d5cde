import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ANALYZER_VERSION, findWords } from '../../indexer/analyzer/index.ts';
import { buildSearchIndex } from '../../indexer/build/build-search-index.ts';
import { INDEX_FORMAT_VERSION, type StoredDocument } from '../../indexer/index/index-format.ts';
import { parseTermIndex, serializeTermIndex } from '../../indexer/index/term-index-file.ts';
import { createApp } from '../../server/http/create-app.ts';
import { assembleLoadedIndex } from '../../server/index/load-index.ts';
import type { LoadedIndex } from '../../server/index/loaded-index.ts';

/** A document written in a test: its passages are joined by blank lines into the document text. */
export interface FixtureDocument {
  path: string;
  title: string;
  source: string;
  sourceName?: string;
  date?: string;
  lang?: string;
  url?: string;
  author?: StoredDocument['author'];
  kind?: string;
  container?: string;
  titleSource?: StoredDocument['titleSource'];
  passages: { text: string; speaker?: string; page?: number }[];
}

/**
 * Builds a loaded index from documents written in the test, with the shared analyzer and
 * the indexer's layout (title indexed with the first passage). Metadata the indexer may not fill yet
 * (date, lang, url, speaker, page) can be set here. Serialized and reloaded, as the server would.
 */
export function buildMemoryIndex(fixtures: readonly FixtureDocument[]): LoadedIndex {
  const documents = fixtures.map(toStoredDocument);
  const terms = parseTermIndex(serializeTermIndex(buildSearchIndex(documents)));
  const manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    builtAt: '2026-01-01T00:00:00.000Z',
    documentCount: documents.length,
    passageCount: terms.passageCount,
    files: [],
    skipped: [],
  };
  return assembleLoadedIndex(manifest, documents, terms);
}

export function fixtureDocumentId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

function toStoredDocument(fixture: FixtureDocument): StoredDocument {
  const id = fixtureDocumentId(fixture.path);
  let text = '';
  const passages = fixture.passages.map((passage, ordinal) => {
    if (text !== '') text += '\n\n';
    const start = text.length;
    text += passage.text;
    return {
      id: `${id}-p${ordinal}`,
      ordinal,
      start,
      end: text.length,
      wordCount: findWords(passage.text).length,
      ...(passage.speaker === undefined ? {} : { speaker: passage.speaker }),
      ...(passage.page === undefined ? {} : { page: passage.page }),
    };
  });
  return {
    id,
    path: fixture.path,
    title: fixture.title,
    source: fixture.source,
    sourceName: fixture.sourceName ?? fixture.source,
    ...(fixture.date === undefined ? {} : { date: fixture.date }),
    ...(fixture.lang === undefined ? {} : { lang: fixture.lang }),
    ...(fixture.url === undefined ? {} : { url: fixture.url }),
    ...(fixture.author === undefined ? {} : { author: fixture.author }),
    ...(fixture.kind === undefined ? {} : { kind: fixture.kind }),
    ...(fixture.container === undefined ? {} : { container: fixture.container }),
    ...(fixture.titleSource === undefined ? {} : { titleSource: fixture.titleSource }),
    text,
    passages,
  };
}

export interface TestServer {
  url: string;
  get: <T>(path: string) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}

/** Serves an index with the real app on an ephemeral port. */
export async function serveMemoryIndex(index: LoadedIndex, options: { publicUrl?: string; allowedHosts?: string[] } = {}): Promise<TestServer> {
  const app = createApp({
    getIndex: () => index,
    ...(options.publicUrl === undefined ? {} : { publicUrl: () => options.publicUrl! }),
    ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return toTestServer(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    }),
  );
}

/** A server a test reaches at `url`, with a JSON `get`. */
export function toTestServer(url: string, close: () => Promise<void>): TestServer {
  return {
    url,
    get: async <T>(path: string) => {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: (await response.json()) as T };
    },
    close,
  };
}
