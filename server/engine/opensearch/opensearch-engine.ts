import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import type { Suggestion } from '../../api/types.ts';
import { matchNodes, positiveClauses } from '../../query/query-tree.ts';
import { findWordTerms } from '../../query/find-word-terms.ts';
import { completeLastWord, DEFAULT_COMPLETION_OPTIONS, isTyping } from '../../suggest/suggest-completions.ts';
import { EngineUnavailableError } from '../engine-unavailable.ts';
import type { SearchEngine } from '../search-engine.ts';
import { clauseQuery, type TermExpansions } from './build-clause-query.ts';
import { loadOpenSearchArchive, resolveAlias, archiveAliases, type OpenSearchArchive } from './load-opensearch-archive.ts';
import type { OpenSearchSettings } from '../../../indexer/opensearch/opensearch-settings.ts';
import { connectOpenSearch, OpenSearchError, type SendRequest } from './opensearch-transport.ts';
import { readDocumentLabels, toEngineEntry, type PassageSource } from './passage-source.ts';
import { labelHighlights, readMarkedRanges } from './read-highlights.ts';
import { highlightRequest, readQuery, searchOpenSearch } from './search-opensearch.ts';

export interface OpenSearchEngineOptions extends Omit<OpenSearchSettings, 'indexPrefix' | 'timeoutMs'> {
  /** Names of the aliases: `<prefix>-passages`, `<prefix>-documents`, `<prefix>-terms`. Default `passim`. */
  indexPrefix?: string;
  /** A request not answered in this time fails (503 engine_unavailable). Default 30,000 ms. */
  timeoutMs?: number;
  /** How often the aliases are checked for a newer build to swap in. Default 1000 ms; 0 never. */
  swapCheckMs?: number;
  /** After a failed attempt to reach the cluster, requests fail at once for this long before it is tried again. Default 500 ms. */
  retryAfterMs?: number;
  onSwap?: (archive: OpenSearchArchive) => void;
  onSwapError?: (message: string) => void;
}

/**
 * Passim on an OpenSearch cluster. The server starts whether or not the cluster answers: until it
 * does, requests get 503 `engine_unavailable`, and the first request after it comes back loads the
 * archive. A newer build (the terms alias moved) has its vocabulary loaded beside the served one and
 * swapped in; a request that fails because its build was replaced under it runs again on the new one.
 */
export function createOpenSearchEngine(options: OpenSearchEngineOptions): SearchEngine {
  const prefix = options.indexPrefix ?? 'passim';
  const { send, close } = connectOpenSearch({ ...options, indexPrefix: prefix, timeoutMs: options.timeoutMs ?? 30_000 });
  const retryAfterMs = options.retryAfterMs ?? 500;
  let served: OpenSearchArchive | undefined;
  let loading: Promise<OpenSearchArchive> | undefined;
  let failed: { at: number; error: Error } | undefined;

  const load = (): Promise<OpenSearchArchive> => {
    loading ??= loadOpenSearchArchive(send, prefix)
      .then((archive) => {
        served = archive;
        failed = undefined;
        return archive;
      })
      .catch((error: Error) => {
        failed = { at: Date.now(), error };
        throw error;
      })
      .finally(() => (loading = undefined));
    return loading;
  };
  const current = async (): Promise<OpenSearchArchive> => {
    if (served) return served;
    if (failed && Date.now() - failed.at < retryAfterMs) throw failed.error;
    return load();
  };
  /**
   * Runs on the served build. A request that fails while a newer build has replaced it (its indexes
   * deleted before or while it ran) runs once more on the newer build.
   */
  const onArchive = async <T>(work: (archive: OpenSearchArchive) => Promise<T>): Promise<T> => {
    const archive = await current();
    try {
      return await work(archive);
    } catch (error) {
      const newest = await resolveAlias(send, archiveAliases(prefix).terms).catch(() => undefined);
      if (newest === undefined || newest === archive.indexes.terms) throw error;
      return work(served?.indexes.terms === newest ? served : await load());
    }
  };

  const swapCheckMs = options.swapCheckMs ?? 1000;
  let checking = false;
  const timer =
    swapCheckMs > 0
      ? setInterval(() => {
          if (checking || !served) return;
          checking = true;
          checkForSwap(send, prefix, served, load, options)
            .catch(() => {})
            .finally(() => (checking = false));
        }, swapCheckMs)
      : undefined;
  timer?.unref();

  return {
    name: 'opensearch',
    search: (request) => onArchive((archive) => searchOpenSearch(send, archive, request)),
    passage: (id) =>
      onArchive(async (archive) => {
        const found = await getSource<PassageSource>(send, archive.indexes.passages, id);
        if (!found) return undefined;
        const labels = await readDocumentLabels(send, archive.indexes.documents, [found.docId]);
        return { entry: toEngineEntry(found, labels.get(found.docId)), text: found.text };
      }),
    document: (id, q) =>
      onArchive(async (archive) => {
        // The build's own bookkeeping (`contentKey`) is not part of the document.
        const document = await getSource<StoredDocument>(send, archive.indexes.documents, id, '?_source_excludes=contentKey');
        if (!document || q === undefined) return document && { document };
        const { tree } = readQuery(archive, q);
        const expansions: TermExpansions = new Map();
        const positive = positiveClauses(tree).map((clause) => clauseQuery(clause, archive.vocabulary, expansions));
        const answer = await send<{ hits: { hits: { highlight?: { text?: string[] } }[] } }>('POST', `/${archive.indexes.documents}/_search`, {
          query: { ids: { values: [id] } },
          _source: false,
          highlight: highlightRequest(positive),
        });
        const marked = answer.hits.hits[0]?.highlight?.text?.[0] ?? document.text;
        return { document, matched: { highlights: labelHighlights(document.text, readMarkedRanges(marked), matchNodes(tree), expansions).highlights, tree } };
      }),
    suggest: (q, limit) => onArchive((archive) => suggestOpenSearch(send, archive, q, limit)),
    health: () =>
      onArchive(async (archive) => {
        const health = await send<{ status: string }>('GET', `/_cluster/health/${archive.indexes.passages}`);
        if (health.status === 'red') throw new EngineUnavailableError('The OpenSearch index is red: some of its shards have no copy on a live node.');
        return { documents: archive.documentCount, passages: archive.passageCount, builtAt: archive.builtAt, version: archive.indexes.terms, archive: archive.summary };
      }),
    close: async () => {
      if (timer) clearInterval(timer);
      close();
    },
  };
}

async function getSource<T>(send: SendRequest, index: string, id: string, query = ''): Promise<T | undefined> {
  try {
    return (await send<{ _source: T }>('GET', `/${index}/_doc/${encodeURIComponent(id)}${query}`))._source;
  } catch (error) {
    if (error instanceof OpenSearchError && error.status === 404 && error.type !== 'index_not_found_exception') return undefined;
    throw error;
  }
}

/**
 * Loads a newer build when the terms alias moved: every build writes a new vocabulary (a full build
 * moves the three aliases at once; an incremental one updates passages and documents in place, then
 * moves the terms alias).
 */
async function checkForSwap(send: SendRequest, prefix: string, served: OpenSearchArchive, load: () => Promise<OpenSearchArchive>, options: OpenSearchEngineOptions): Promise<void> {
  const terms = await resolveAlias(send, archiveAliases(prefix).terms);
  if (terms === undefined || terms === served.indexes.terms) return;
  try {
    options.onSwap?.(await load());
  } catch (error) {
    options.onSwapError?.(`the newer OpenSearch build (${terms}) was not loaded, still serving the one built ${served.builtAt}: ${(error as Error).message}`);
  }
}

/** Completions: the last word from the vocabulary (as the term index), then titles holding every word, alphabetical. */
async function suggestOpenSearch(send: SendRequest, archive: OpenSearchArchive, q: string, limit: number): Promise<Suggestion[]> {
  const maxTitles = Math.ceil(limit / 2) || DEFAULT_COMPLETION_OPTIONS.maxTitles;
  const words = findWordTerms(q);
  if (words.length === 0) return [];
  const typing = isTyping(q);
  const answer = await send<{ hits: { hits: { _id: string; _source: { title: string } }[] } }>('POST', `/${archive.indexes.documents}/_search`, {
    size: 100,
    _source: ['title'],
    query: { bool: { filter: words.map(({ term }, at) => (typing && at === words.length - 1 ? { prefix: { title: term } } : { term: { title: term } })) } },
  });
  const titles = answer.hits.hits
    .map(({ _id, _source }) => ({ id: _id, title: _source.title }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
    .slice(0, maxTitles);
  return [...completeLastWord(archive.vocabulary.tree, q, limit), ...titles.map(({ id, title }): Suggestion => ({ text: title, kind: 'title', docId: id }))];
}
