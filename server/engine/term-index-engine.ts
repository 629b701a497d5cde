import { getIndexFacts } from '../index/index-facts.ts';
import { readPassageText, readStoredDocument, type LoadedIndex } from '../index/loaded-index.ts';
import { parseQuery } from '../query/parse-query.ts';
import { matchNodes } from '../query/query-tree.ts';
import { widenForIndex } from '../search/widen-for-index.ts';
import { locateDocumentHighlights } from '../search/locate-document-highlights.ts';
import { searchTermIndex } from '../search/run-search.ts';
import { checkQuote } from '../quote/check-quote.ts';
import { summarizeArchive } from '../index/summarize-archive.ts';
import { suggestCompletions } from '../suggest/suggest-completions.ts';
import type { SearchEngine } from './search-engine.ts';

/**
 * The embedded engine: Passim's own term index, in memory. `getIndex` answers the index to serve
 * each request with (a newer build is swapped in by `watchIndex`, so one request runs entirely on one
 * index); `close` stops that watch.
 */
export function createTermIndexEngine(getIndex: () => LoadedIndex, close: () => void = () => {}): SearchEngine {
  // The vocabulary and filter structures take a moment on a large archive (about a second for 15,000
  // passages): build them right after start rather than during the first search.
  // A failure here (no index yet) is left for the first request to report.
  setImmediate(() => {
    try {
      getIndexFacts(getIndex());
    } catch {
      /* reported by the request that needs the index */
    }
  });
  return {
    name: 'term-index',
    search: async (request) => searchTermIndex(getIndex(), request),
    document: async (id, q) => {
      const index = getIndex();
      const record = index.documents.get(id);
      if (!record) return undefined;
      const document = readStoredDocument(index, record);
      if (q === undefined) return { document };
      const { tree } = widenForIndex(index, parseQuery(q));
      return { document, matched: { highlights: locateDocumentHighlights(index, record, matchNodes(tree)), tree } };
    },
    passage: async (id) => {
      const index = getIndex();
      const entry = index.passages.get(id);
      return entry && { entry, text: readPassageText(index, entry) };
    },
    suggest: async (q, limit) => {
      const index = getIndex();
      return suggestCompletions(index, getIndexFacts(index), q, { maxWords: limit, maxTitles: Math.ceil(limit / 2) });
    },
    checkQuote: async (text, baseUrl) => checkQuote(getIndex(), text, baseUrl),
    health: async () => {
      const index = getIndex();
      const { manifest } = index;
      return { documents: manifest.documentCount, passages: manifest.passageCount, builtAt: manifest.builtAt, version: manifest.builtAt, archive: summarizeArchive(index) };
    },
    close: async () => close(),
  };
}
