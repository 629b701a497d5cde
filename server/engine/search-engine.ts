import type { ArchiveSummary, FacetValue, QuoteResponse, SearchSort, Suggestion } from '../api/types.ts';
import type { StoredDocument, StoredPassage } from '../../indexer/index/index-format.ts';
import type { QueryTree } from '../query/query-tree.ts';
import type { WordHighlight } from '../search/find-highlights.ts';
import type { WordBounds } from '../search/word-bounds.ts';

/**
 * The engine seam. HTTP routes call a `SearchEngine` and map what it answers to the API contract
 * (snippets, matched terms, citations: `server/search/present-*.ts`), so both engines produce the
 * same snippets and citations from the same facts, and nothing above this seam knows which one
 * answers. The term index (`term-index-engine.ts`) and OpenSearch (`opensearch/`) implement it.
 */

export type EngineName = 'term-index' | 'opensearch';

export const ENGINE_NAMES: readonly EngineName[] = ['term-index', 'opensearch'];

/** A validated search request. */
export interface SearchRequest {
  /** The query as typed; a trailing space says the last word is finished. */
  q: string;
  /** Facet selections: values kept per facet (OR within, AND across). */
  sources: string[];
  speakers?: string[];
  langs?: string[];
  years?: string[];
  page: number;
  limit: number;
  /** Best first (default), or by the document's date: undated documents last, ties best first, the order stable across pages. */
  sort?: SearchSort;
  /** Origin the client reaches the server at, for citation permalinks (`http://localhost:3000`). */
  baseUrl?: string;
}

/** A document's labels without its text and passages: what a hit or a citation needs of it. */
export type DocumentLabels = Omit<StoredDocument, 'text' | 'passages'>;

/** A passage with its document's labels. The term index hands out the same object for the same passage, so citations built from it can be remembered. */
export interface EngineEntry {
  passage: StoredPassage;
  document: DocumentLabels;
}

/** A passage an engine found, with what a hit is built from. */
export interface EngineHit {
  entry: EngineEntry;
  /** The passage's exact text (document text `start`..`end`). */
  text: string;
  score: number;
  /** Words of `text` that matched, in order, with offsets into `text` and their word positions. */
  highlights: WordHighlight[];
  /** The bounds of `text`'s words (`findWords`), when the engine has them at hand. */
  words?: WordBounds;
}

export type FacetCounts = Record<'source' | 'speaker' | 'lang' | 'year', FacetValue[]>;

/** A search as an engine answers it, before it is mapped to the API's `SearchResponse`. */
export interface EngineSearchResult {
  /** Matching passages after facet selections. */
  total: number;
  /** `total` is an estimate (past the engine's exact bound). */
  totalIsEstimate?: boolean;
  /** The requested page, best first. */
  hits: EngineHit[];
  facets: FacetCounts;
  /** Matches the year facet was counted over that have no date (`SearchResponse.undated`); unknown when absent. */
  undated?: number;
  /** The facets whose counts are estimates. */
  facetIsEstimate?: Partial<Record<keyof FacetCounts, boolean>>;
  /** The query as it was executed (expanded with other forms and synonyms). */
  tree: QueryTree;
  matchMode: 'all' | 'any';
  /** Synonyms searched as well, as the synonyms file writes them. */
  alsoSearched: string[];
  /** Did-you-mean. */
  suggestion?: string;
}

/** A document for the reader, with the words a query matched in its text. */
export interface EngineDocument {
  document: StoredDocument;
  /** With a query: the matched words of `document.text`, in order, and the query as executed. */
  matched?: { highlights: WordHighlight[]; tree: QueryTree };
}

/** What the engine serves: counts and the version of the index (a build time, an OpenSearch index name). */
export interface EngineHealth {
  documents: number;
  passages: number;
  builtAt: string;
  /** Changes with each index swapped in. */
  version: string;
  /** The largest sources and speakers and the dated span, for the help's examples. */
  archive?: ArchiveSummary;
}

export interface SearchEngine {
  readonly name: EngineName;
  search(request: SearchRequest): Promise<EngineSearchResult>;
  /** Undefined when no document has this id. */
  document(id: string, q?: string): Promise<EngineDocument | undefined>;
  /** Undefined when no passage has this id. */
  passage(id: string): Promise<{ entry: EngineEntry; text: string } | undefined>;
  suggest(q: string, limit: number): Promise<Suggestion[]>;
  /**
   * Checks a pasted quote (`server/quote/`): its place, verdict, word diff and other places, with
   * citations built like a hit's. An engine without it answers `GET /api/quote` with a 501.
   */
  checkQuote?(text: string, baseUrl: string): Promise<QuoteResponse>;
  health(): Promise<EngineHealth>;
  /** Stops watching for newer indexes and lets connections go. */
  close(): Promise<void>;
}
