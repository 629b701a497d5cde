import { createHash } from 'node:crypto';
import { stemLanguageOf } from '../analyzer/index.ts';
import type { StoredDocument, StoredPassage } from '../index/index-format.ts';
import { countTermPostings, type TermIndex } from '../index/term-index.ts';
import { termLanguages } from '../index/term-languages.ts';

/**
 * What Passim sends OpenSearch, made from a built index: one document per passage (its id is the
 * passage id, so permalinks and citations survive a change of engine), the documents as stored, and
 * the vocabulary of the term index (the server widens queries over it as it does over the term index).
 */
export interface PassageSource {
  id: string;
  docId: string;
  /** The passage's number in the build's order: ties are broken in the term index's order. */
  seq: number;
  ordinal: number;
  start: number;
  end: number;
  wordCount: number;
  page?: number;
  text: string;
  title: string;
  path: string;
  source: string;
  sourceName: string;
  /** The source id and its display name, analyzed, for `source:` filters. */
  sourceWords: string;
  speaker?: string;
  speakerName?: string;
  /** The speaker label, analyzed, for `speaker:` filters. */
  speakerWords?: string;
  date?: string;
  year?: string;
  lang?: string;
  url?: string;
}

export function toPassageSource(document: StoredDocument, passage: StoredPassage, seq: number): PassageSource {
  return {
    id: passage.id,
    docId: document.id,
    seq,
    ordinal: passage.ordinal,
    start: passage.start,
    end: passage.end,
    wordCount: passage.wordCount,
    ...(passage.page === undefined ? {} : { page: passage.page }),
    text: document.text.slice(passage.start, passage.end),
    title: document.title,
    path: document.path,
    source: document.source,
    sourceName: document.sourceName,
    sourceWords: `${document.source} ${document.sourceName}`,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker, speakerName: passage.speakerName, speakerWords: passage.speaker }),
    ...(document.date === undefined ? {} : { date: document.date, year: document.date.slice(0, 4) }),
    ...(document.lang === undefined ? {} : { lang: document.lang.toLowerCase() }),
    ...(document.url === undefined ? {} : { url: document.url }),
  };
}

/**
 * What decides whether a document must be sent again: its stored form and where its passages fall in
 * the build's order (their `seq`). Kept on the OpenSearch document as `contentKey`.
 */
export function contentKeyOf(document: StoredDocument, firstSeq: number): string {
  return `${createHash('sha256').update(JSON.stringify(document)).digest('base64url')}:${firstSeq}`;
}

export type DocumentSource = StoredDocument & { contentKey: string };

export function toDocumentSource(document: StoredDocument, firstSeq: number): DocumentSource {
  return { ...document, contentKey: contentKeyOf(document, firstSeq) };
}

export interface TermSource {
  term: string;
  /** How the term is most often written (`Wilmès` for `wilmes`). */
  form: string;
  /** Passages (and titles) holding it: its postings over every field, as the term index counts them. */
  passages: number;
  /** Stem languages of the passages holding it; every term has the one language of a one-language archive. */
  langs: string[];
}

/** The vocabulary of a term index, labelled with stem languages as the server's stem groups label it. */
export function* termSources(terms: TermIndex, documents: readonly StoredDocument[]): Generator<TermSource> {
  const { languagesOf } = termLanguages(
    terms,
    documents.flatMap((document) => document.passages.map(() => stemLanguageOf(document.lang))),
  );
  for (let termId = 0; termId < terms.terms.length; termId += 1) {
    yield { term: terms.terms[termId]!, form: terms.forms[termId]!, passages: countTermPostings(terms, termId), langs: [...languagesOf(termId)] };
  }
}
