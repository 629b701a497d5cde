/**
 * The HTTP API contract, shared by the server and the client (`import type` only on the client).
 * Later versions may add fields; they never remove or retype one.
 */

/** A piece of snippet text; `highlight` marks words that matched the query. */
export interface SnippetSegment {
  text: string;
  highlight: boolean;
  /** On a highlighted segment: the query term it matched, as written in `interpretation.terms[].text`. */
  term?: string;
}

/** `GET /api/search` query parameters, as the client sends them. */
export interface SearchParams {
  q: string;
  /** Source ids to keep (OR). Absent or empty: every source. */
  source?: string[];
  /** 1-based page number. Default 1. */
  page?: number;
  /** Hits per page, 1..50. Default 10. */
  limit?: number;
}

/** Order of hits: best first, or by the document's date (undated documents last, ties best first). */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** `GET /api/search`'s `sort` (default `relevance`); apart from `SearchParams` so `Required<SearchParams>` stays as it was. */
export interface SortParams {
  sort?: SearchSort;
}

export interface SearchHit {
  /** Passage id, stable across rebuilds of an unchanged document, safe in a URL. */
  id: string;
  docId: string;
  title: string;
  /** Source id (the corpus folder name), the value to filter on. */
  source: string;
  /** Source display name from the catalog, or the source id. */
  sourceName: string;
  /** Speaker of the passage in a transcript, when known. */
  speaker?: string;
  /** The document's date, ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when known. */
  date?: string;
  /** 0-based position of the passage in its document. */
  ordinal: number;
  /** Character offsets of the passage in the document text of `GET /api/documents/:id`. */
  start: number;
  end: number;
  score: number;
  /** The passage's exact text (equal to document text `start`..`end`). */
  text: string;
  snippet: SnippetSegment[];
  /** The query terms this passage matched, each with the forms of it found in the passage text. */
  matchedTerms?: MatchedTerm[];
  /**
   * Who, what, when and where, without formatted strings: sent with a quote check's source, no longer
   * with search hits (it was a fifth of every answer, and the client ignored it). A passage is cited in
   * a style by `GET /api/passages/:id/citation?style=`, `GET /api/passages/:id` or `POST /api/citations`.
   */
  citation?: CitationSummary;
}

/** One query term and the words of a passage that matched it (fuzzy, prefix, accent-folded forms). */
export interface MatchedTerm {
  /** The query term as written in `interpretation.terms[].text`. */
  term: string;
  /** The words as written in the passage text, each once, in order of first appearance. */
  forms: string[];
  /** How the best of these forms matched: the very word, a completion of it, or a near spelling. */
  match: 'exact' | 'prefix' | 'fuzzy';
}

export interface FacetValue {
  value: string;
  /** Display name for the value. */
  label: string;
  count: number;
}

export interface SearchResponse {
  query: string;
  /**
   * Number of matching passages (after filters): exact up to the server's bound (10,000 matches);
   * past it possibly an estimate, and then `totalIsEstimate` is true.
   */
  total: number;
  /**
   * True when `total` is an estimate (a query matching more passages than the bound, counted on a
   * sample of the archive and scaled: see docs/search.md). Absent when `total` is exact.
   */
  totalIsEstimate?: boolean;
  page: number;
  limit: number;
  /** Time the server spent on the search, in milliseconds. */
  tookMs: number;
  hits: SearchHit[];
  /**
   * Facet counts; a facet's counts ignore that facet's own filter (disjunctive). `speaker`, `lang` and
   * `year` are present on every response from this version on, empty when no passage has the field.
   */
  facets: { source: FacetValue[]; speaker?: FacetValue[]; lang?: FacetValue[]; year?: FacetValue[] };
  /**
   * Matches the year facet was counted over (every other facet's selection applied) that have no date:
   * `facets.year` covers the sum of its counts out of that sum plus `undated`, and the client says so
   * ("3 of 114 matches have a date"). Absent when every such match has a date.
   */
  undated?: number;
  /** The facets whose counts are estimates (true), as `totalIsEstimate` for the total. Absent when every count is exact. */
  facetIsEstimate?: { source?: boolean; speaker?: boolean; lang?: boolean; year?: boolean };
  /** How the server read `query`. */
  interpretation?: QueryInterpretation;
  /** Did-you-mean: the query with unknown words replaced by close words of the corpus, when there are any. */
  suggestion?: string;
  /**
   * Synonyms searched as well as the query's words (`ISIL`, `Daesh`, `Islamic State` for `ISIS`), as the
   * synonyms file writes them, for an "also searched: …" line. Absent when the query has none.
   */
  alsoSearched?: string[];
}

/**
 * `GET /api/search` parameters beyond `SearchParams`: the other facet filters (each repeatable, OR
 * within a facet, AND across facets). Kept apart so `Required<SearchParams>` stays as it was.
 */
export interface FacetFilterParams {
  speaker?: string[];
  /** ISO 639-1 codes. */
  lang?: string[];
  /** Four-digit years. */
  year?: string[];
}

/** A term of the query as the server will match it. */
export interface QueryTermInfo {
  /** As written in the query (`coalition`, `"international cooperation"`, `intern*`). */
  text: string;
  kind: 'word' | 'phrase';
  /** Also matches words starting with it (an explicit `*`, or the last word while typing). */
  prefix: boolean;
  /** Spelling mistakes tolerated: 0 for short words and phrases, 1 or 2 for longer words. */
  typos: number;
}

/** Something the server repaired or ignored in the query, or a change in how it matched. */
export interface QueryNote {
  code:
    | 'unclosed_quote'
    | 'stray_operator'
    | 'control_characters'
    | 'query_truncated'
    | 'invalid_filter'
    | 'unsupported_syntax'
    | 'no_terms'
    | 'any_word_fallback'
    /** A `source:`, `speaker:` or `title:` filter that no value of its field matches. */
    | 'unknown_filter_value';
  message: string;
  /** The whole query with the repair the note suggests (`source:lincoln` for `speaker:lincoln`), when there is one. */
  replacement?: string;
}

export interface QueryInterpretation {
  /** The query in canonical form, as it was executed (`coalition (syria OR iraq) -camps source:press`). */
  readAs: string;
  /**
   * `all`: passages match every term. From three terms (words, phrases or OR groups) on, passages
   * missing one of them are also returned and counted in `total`, scored by the share of the query they
   * hold, so one wrongly remembered word does not hide a passage. `any`: nothing matched them all, so
   * passages matching any term are shown, ranked.
   */
  matchMode: 'all' | 'any';
  terms: QueryTermInfo[];
  /** Empty when the query was read as written. */
  notes: QueryNote[];
}

/** Who a document is by: a person (family and given names) or an organization. */
export type CitationAuthor = { organization: string } | { family: string; given?: string; suffix?: string };

/** The styles a passage is cited in: APA 7, Chicago author-date and MLA (official CSL styles), plain text, Markdown. */
export type CitationStyle = 'apa' | 'chicago' | 'mla' | 'text' | 'markdown';

/** What `POST /api/citations` makes of collected passages: a citation style, or a file for reference managers and spreadsheets. */
export type CitationExportFormat = CitationStyle | 'bibtex' | 'ris' | 'csv';

/** Where a passage comes from, for a citation; absent fields are unknown. */
export interface Citation {
  title: string;
  /** Source display name. */
  source: string;
  sourceId: string;
  /** The document's author: the catalog's, else the person or organization its source folder names. */
  author?: CitationAuthor;
  /** The kind of document (`speech`, `press release`, `transcript`). */
  kind?: string;
  /** What the document belongs to ("State of the Union Address"). */
  container?: string;
  /** The speaker label as written in the transcript ("SECRETARY BLINKEN"). */
  speaker?: string;
  /** The speaker as a name ("Secretary Blinken"), as the citation strings show it. */
  speakerName?: string;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  date?: string;
  /** The original address of the document. */
  url?: string;
  /** Absolute link to this passage in Passim; stable across rebuilds of an unchanged document. */
  permalink: string;
  /** 1-based page of a paged source where the passage starts. */
  page?: number;
  /** The reference in each style (without the quotation). */
  formatted: Record<CitationStyle, string>;
}

/** A citation's facts; `formatted` only where an answer formats styles (`GET /api/passages/:id`). */
export type CitationSummary = Omit<Citation, 'formatted'> & { formatted?: Citation['formatted'] };

/** `GET /api/passages/:id/citation?style=&quote=`: a passage, or words selected in it, cited in one style. */
export interface CitedPassage {
  /** Passage id. */
  id: string;
  style: CitationStyle;
  /** What Copy puts on the clipboard: the quoted words and their citation. */
  text: string;
  /** The reference alone. */
  reference: string;
  /** APA, Chicago, MLA: the in-text citation after the quotation. */
  inText?: string;
  /** The words quoted. */
  quote: string;
  /** A link to the quoted words: a text fragment on the original page when known, else in Passim. */
  link: string;
}

/** `POST /api/citations` body: collected passages, each with the words quoted (a selection) and the user's note. */
export interface CitationsRequest {
  format: CitationExportFormat;
  items: { id: string; quote?: string; note?: string; collectedAt?: string }[];
}

export interface CitationsResponse {
  format: CitationExportFormat;
  /** The whole text: a reference list, or the file's contents. */
  text: string;
  /** Media type and file extension for a download. */
  mediaType: string;
  extension: string;
  /** Passage ids no longer in the index (left out of `text`). */
  missing: string[];
}

/** `GET /api/passages/:id`: one passage with its document's labels and its citation. */
export interface PassageResponse extends Pick<SearchHit, 'id' | 'docId' | 'title' | 'source' | 'sourceName' | 'speaker' | 'ordinal' | 'start' | 'end' | 'text'> {
  date?: string;
  lang?: string;
  url?: string;
  page?: number;
  citation: Citation;
}

/** How well a pasted quote matches the archive. */
export type QuoteVerdict = 'exact' | 'close' | 'partial' | 'not_found';

/**
 * `GET /api/quote?text=` (at most `ApiLimits['quoteGet']` characters) or `POST /api/quote` with this JSON
 * body (at most `ApiLimits['quotePost']`): a quote as pasted, with its quotation marks, ellipses and
 * `[bracketed]` insertions.
 */
export interface QuoteRequest {
  text: string;
}

/**
 * Lengths the API accepts, in characters, as literal types: the server's schemas and the client's
 * checks declare their constants with these types, so a change on one side fails to compile on the other.
 */
export interface ApiLimits {
  /** Longest `q` of `GET /api/suggest`. */
  suggestQuery: 200;
  /** Longest `text` of `GET /api/quote`; longer quotes are sent with `POST`. */
  quoteGet: 5000;
  /** Longest `text` of `POST /api/quote`. */
  quotePost: 20000;
}

/**
 * One step of the word-by-word alignment of a quote with its source, in the quote's order. Quotation
 * marks, ellipses, `[bracketed]` insertions, punctuation, case and line breaks are not differences.
 * Consecutive words of one kind are one part; `quote` and `source` are the words as written (with the
 * punctuation between them).
 * - `same`: the words match; `changed`: the quote has other words in their place;
 * - `missing`: source words the quote leaves out; `added`: quote words the source does not have.
 */
export interface QuoteDiffPart {
  kind: 'same' | 'changed' | 'missing' | 'added';
  /** The quote's words (absent for `missing`). */
  quote?: string;
  /** The source's words (absent for `added`). */
  source?: string;
  /** On `missing`: the quote marks the omission itself (an ellipsis or a `[bracketed]` insertion), so it is no difference. */
  marked?: boolean;
  /** On `same` or `changed`: the source has these words elsewhere in the passage: the quote puts them in another order. */
  moved?: boolean;
}

/** Where a quote was found: the passage it starts in (with its citation), widened to the run of passages it spans. */
export interface QuoteSource extends SearchHit {
  /** Ids of the passages the quote runs over, in order (one, or several neighbours). `start`..`end` and `text` cover them all. */
  passageIds: string[];
  /** Document date (ISO), when known. */
  date?: string;
  /** Offsets in the document text of the source words the quote matches, first to last. */
  quoteStart: number;
  quoteEnd: number;
  /** The source's own words for the quote: document text `quoteStart`..`quoteEnd`, as it should be quoted. */
  quoted: string;
}

/** Another place holding the same words (a line repeated in several speeches). */
export interface QuoteOtherPlace {
  verdict: 'exact' | 'close';
  source: QuoteSource;
}

export interface QuoteResponse {
  verdict: QuoteVerdict;
  /** Words of the quote as read (without quotation marks, ellipses and bracketed insertions). */
  words: number;
  /** The best place, absent when `not_found`. */
  source?: QuoteSource;
  /** The alignment with `source`, in the quote's order; absent when `not_found`. */
  diff?: QuoteDiffPart[];
  /** Words the diff names as differences: changed, added, and missing without a mark, counted per word. */
  differences?: { changed: number; missing: number; added: number; moved: number };
  /** Further places with the same words, best first (at most 10). */
  others?: QuoteOtherPlace[];
  /** Time the server spent, in milliseconds. */
  tookMs: number;
}

/** A completion offered by `GET /api/suggest`. */
export interface Suggestion {
  /** The whole query the user would search with. */
  text: string;
  /** `word`: the last word completed from the corpus vocabulary; `title`: a document title. */
  kind: 'word' | 'title';
  /** For a title: the document it names. */
  docId?: string;
}

export interface SuggestResponse {
  query: string;
  suggestions: Suggestion[];
}

/** A matched word in a document's text, for the reader view (`GET /api/documents/:id?q=`). */
export interface HighlightRange {
  start: number;
  end: number;
  /** The query term it matched. */
  term: string;
}

export interface PassageRef {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  speaker?: string;
  page?: number;
}

export interface DocumentResponse {
  id: string;
  title: string;
  /** Where `date` came from: the catalog, the file's metadata (`declared`), its path, or its text. */
  dateSource?: 'catalog' | 'declared' | 'path' | 'text';
  source: string;
  sourceName: string;
  /** The cleaned document text that passage offsets refer to. */
  text: string;
  passages: PassageRef[];
  date?: string;
  lang?: string;
  url?: string;
  /** With `?q=`: every matched word of the text, in order. */
  highlights?: HighlightRange[];
  /** With `?q=`: how the query was read. */
  interpretation?: QueryInterpretation;
}

export interface HealthResponse {
  status: 'ok';
  documents: number;
  passages: number;
  /** ISO time the loaded index was built. */
  builtAt: string;
  /** The engine answering searches: Passim's own term index, or an OpenSearch cluster. */
  engine?: 'term-index' | 'opensearch';
  /** What the archive holds, for the help's examples; absent when the engine does not say. */
  archive?: ArchiveSummary;
}

/** The archive's largest sources and speakers (by passages, at most five each) and its first and last dates. */
export interface ArchiveSummary {
  sources: FacetValue[];
  speakers: FacetValue[];
  /** ISO dates of the earliest and latest dated documents. */
  firstDate?: string;
  lastDate?: string;
}

export type ErrorCode =
  | 'invalid_parameter'
  | 'not_found'
  | 'index_unavailable'
  /** 503: the search engine (an OpenSearch cluster) cannot answer now; try again shortly. */
  | 'engine_unavailable'
  /** 413: a request body the API does not take. */
  | 'too_large'
  /** 429: too many requests from one address; `Retry-After` says when to try again. */
  | 'rate_limited'
  /** 501: the search engine this server runs on does not offer this endpoint (`GET /api/quote` on an engine without quote checks). */
  | 'unsupported'
  /** 421 (or 400 without a Host): the request names a host this server does not answer for (`PASSIM_ALLOWED_HOSTS`). */
  | 'unknown_host'
  | 'internal_error';

export interface ErrorResponse {
  error: { code: ErrorCode; message: string };
}
