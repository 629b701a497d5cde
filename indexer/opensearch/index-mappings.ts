import { createHash } from 'node:crypto';
import { passimAnalysisSettings } from './analysis-settings.ts';
import type { IndexKind } from './index-names.ts';

/**
 * The settings and mappings of Passim's three indices. Every text field is analyzed with `passim`
 * (the term index's terms, unstemmed: the server widens a query word to its forms itself) and keeps
 * offsets for the unified highlighter. Bump MAPPING_VERSION with any change here: an index written
 * under another is rebuilt in full.
 */
export const MAPPING_VERSION = 1;

/** What the passages index's `_meta` says about the build it holds (the server reads it). */
export interface PassimIndexMeta {
  builtAt: string;
  documentCount: number;
  passageCount: number;
  analyzerVersion: number;
  indexerVersion?: number;
  formatVersion: number;
  mappingVersion: number;
  /** A digest of the analysis settings (analyzers, synonyms): indices analyzed otherwise are rewritten in full. */
  analysisHash: string;
}

/** The digest of the analysis settings this Passim writes. */
export function analysisHash(): string {
  return createHash('sha256').update(JSON.stringify(passimAnalysisSettings())).digest('hex').slice(0, 16);
}

export interface IndexShape {
  /** Primary shards (default 1). */
  shards: number;
  /** Replicas of each shard; undefined: 0 on one node, 1 when the cluster has more ("0-1"). */
  replicas?: number;
}

const analyzed = { type: 'text', analyzer: 'passim', index_options: 'offsets' } as const;
const keyword = { type: 'keyword' } as const;
const integer = { type: 'integer' } as const;
const storedOnly = { type: 'keyword', index: false, doc_values: false } as const;

const MAPPINGS: Record<IndexKind, object> = {
  passages: {
    dynamic: false,
    properties: {
      id: keyword,
      docId: keyword,
      seq: integer,
      ordinal: integer,
      start: integer,
      end: integer,
      wordCount: integer,
      page: integer,
      text: analyzed,
      title: analyzed,
      path: keyword,
      source: keyword,
      sourceName: keyword,
      sourceWords: analyzed,
      speaker: keyword,
      speakerName: storedOnly,
      speakerWords: analyzed,
      date: keyword,
      year: keyword,
      lang: keyword,
      url: storedOnly,
    },
  },
  documents: {
    dynamic: false,
    properties: {
      id: keyword,
      path: keyword,
      title: { ...analyzed, fields: { keyword: { type: 'keyword', ignore_above: 512 } } },
      source: keyword,
      sourceName: keyword,
      date: keyword,
      lang: keyword,
      text: analyzed,
      passages: { type: 'object', enabled: false },
      contentKey: keyword,
    },
  },
  terms: {
    dynamic: false,
    properties: {
      term: keyword,
      form: storedOnly,
      passages: integer,
      langs: keyword,
    },
  },
};

/** A build's `_meta.passim`: what it says of itself, with the versions of the mapping and analysis it was written under. */
export function passimMeta(meta: Omit<PassimIndexMeta, 'mappingVersion' | 'analysisHash'>): PassimIndexMeta {
  return { ...meta, mappingVersion: MAPPING_VERSION, analysisHash: analysisHash() };
}

/** The body of `PUT <index>`: settings (with Passim's analyzers) and mappings. */
export function indexBody(kind: IndexKind, shape: IndexShape, meta?: Omit<PassimIndexMeta, 'mappingVersion' | 'analysisHash'>): object {
  return {
    settings: {
      number_of_shards: kind === 'terms' ? 1 : shape.shards,
      ...(shape.replicas === undefined ? { auto_expand_replicas: '0-1' } : { number_of_replicas: shape.replicas }),
      // The API pages through up to 1000 pages of 50.
      max_result_window: 50_000,
      analysis: passimAnalysisSettings(),
    },
    mappings: { ...MAPPINGS[kind], ...(meta ? { _meta: { passim: passimMeta(meta) } } : {}) },
  };
}
