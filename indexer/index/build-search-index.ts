import type { StoredDocument } from './index-format.ts';
import { SEARCH_INDEX_OPTIONS } from './search-options.ts';
import { buildTermIndex, type AnalyzedField, type FormCounts, type PassageTerms, type TermIndex, type TermIndexField } from './term-index.ts';

const tokenize = SEARCH_INDEX_OPTIONS.tokenize!;
const processTerm = SEARCH_INDEX_OPTIONS.processTerm!;

/**
 * A field's text as the terms the index stores, through the one analyzer, each with the number of the
 * word it came from (for phrases); counts each term's written forms when asked.
 */
export function analyzeField(text: string, field: TermIndexField, forms?: FormCounts): AnalyzedField {
  const terms: string[] = [];
  const positions: number[] = [];
  let position = 0;
  const add = (term: string, written: string) => {
    terms.push(term);
    positions.push(position);
    if (!forms) return;
    let counts = forms.get(term);
    if (!counts) forms.set(term, (counts = new Map()));
    counts.set(written, (counts.get(written) ?? 0) + 1);
  };
  for (const token of tokenize(text, field)) {
    const processed = processTerm(token, field);
    if (typeof processed === 'string') add(processed, token);
    else if (Array.isArray(processed)) for (const term of processed) add(term, token);
    position += 1;
  }
  return { terms, positions };
}

const NO_TERMS: AnalyzedField = { terms: [], positions: [] };

/** The analyzed terms of every passage, in document order, as the term index numbers them. */
export function* analyzePassages(documents: readonly StoredDocument[], forms: FormCounts, onDocument?: (done: number, path: string) => void): Generator<PassageTerms> {
  for (const [index, document] of documents.entries()) {
    const titleTerms = analyzeField(document.title, 'title', forms);
    for (const passage of document.passages) {
      // The title is indexed with a document's first passage only: on every passage it would make each
      // of them match a title word that its text does not show.
      yield { text: analyzeField(document.text.slice(passage.start, passage.end), 'text', forms), title: passage.ordinal === 0 ? titleTerms : NO_TERMS };
    }
    onDocument?.(index + 1, document.path);
  }
}

/** The search index of every passage. */
export function buildSearchIndex(documents: readonly StoredDocument[], onDocument?: (done: number, path: string) => void): TermIndex {
  const forms: FormCounts = new Map();
  return buildTermIndex(analyzePassages(documents, forms, onDocument), forms);
}
