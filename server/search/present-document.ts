import type { DocumentResponse } from '../api/types.ts';
import type { EngineDocument } from '../engine/search-engine.ts';
import { describeQuery, listQueryTerms } from '../query/describe-query.ts';

/** `GET /api/documents/:id`'s answer: the text, labels and passage bounds, and with a query the matched words. */
export function presentDocument({ document, matched }: EngineDocument): DocumentResponse {
  const body: DocumentResponse = {
    id: document.id,
    title: document.title,
    source: document.source,
    sourceName: document.sourceName,
    text: document.text,
    passages: document.passages.map(({ id, ordinal, start, end, speaker, page }) => ({
      id,
      ordinal,
      start,
      end,
      ...(speaker === undefined ? {} : { speaker }),
      ...(page === undefined ? {} : { page }),
    })),
    ...(document.date === undefined ? {} : { date: document.date }),
    ...(document.lang === undefined ? {} : { lang: document.lang }),
    ...(document.url === undefined ? {} : { url: document.url }),
  };
  if (matched) {
    body.highlights = matched.highlights.map(({ start, end, term }) => ({ start, end, term }));
    body.interpretation = { readAs: describeQuery(matched.tree), matchMode: 'all', terms: listQueryTerms(matched.tree), notes: matched.tree.notes };
  }
  return body;
}
