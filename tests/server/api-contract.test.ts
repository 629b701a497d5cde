import { describe, expectTypeOf, it } from 'vitest';
import type { ApiLimits, DocumentResponse, FacetValue, QuoteDiffPart, QuoteResponse, QuoteSource, SearchHit, SearchParams, SearchResponse, SnippetSegment } from '../../server/api/types.ts';

/** The client relies on these shapes: a change that removes or retypes one fails to compile. */
describe('the API contract', () => {
  it('keeps the fields the client reads, with their types', () => {
    expectTypeOf<SearchResponse['total']>().toEqualTypeOf<number>();
    expectTypeOf<SearchResponse['tookMs']>().toEqualTypeOf<number>();
    expectTypeOf<SearchResponse['hits']>().toEqualTypeOf<SearchHit[]>();
    expectTypeOf<SearchResponse['facets']['source']>().toEqualTypeOf<FacetValue[]>();
    expectTypeOf<FacetValue>().toEqualTypeOf<{ value: string; label: string; count: number }>();
    expectTypeOf<SearchHit['snippet']>().toEqualTypeOf<SnippetSegment[]>();
    expectTypeOf<Pick<SnippetSegment, 'text' | 'highlight'>>().toEqualTypeOf<{ text: string; highlight: boolean }>();
    expectTypeOf<Pick<SearchHit, 'id' | 'docId' | 'start' | 'end' | 'text' | 'title' | 'source' | 'sourceName'>>().toEqualTypeOf<{
      id: string;
      docId: string;
      start: number;
      end: number;
      text: string;
      title: string;
      source: string;
      sourceName: string;
    }>();
    expectTypeOf<DocumentResponse['passages'][number]['start']>().toEqualTypeOf<number>();
  });

  it('keeps the search parameters the client sends, so Required<SearchParams> stays what it was', () => {
    expectTypeOf<Required<SearchParams>>().toEqualTypeOf<{ q: string; source: string[]; page: number; limit: number }>();
  });

  it('keeps the quote check answer as the issue states it: a verdict, a source that is a hit, a word diff', () => {
    expectTypeOf<QuoteResponse['verdict']>().toEqualTypeOf<'exact' | 'close' | 'partial' | 'not_found'>();
    expectTypeOf<QuoteResponse['source']>().toEqualTypeOf<QuoteSource | undefined>();
    expectTypeOf<QuoteSource>().toExtend<SearchHit>();
    expectTypeOf<QuoteDiffPart['kind']>().toEqualTypeOf<'same' | 'changed' | 'missing' | 'added'>();
    expectTypeOf<Pick<QuoteDiffPart, 'quote' | 'source'>>().toEqualTypeOf<{ quote?: string; source?: string }>();
  });

  it('states the lengths the API accepts as literal types, so server and client constants cannot drift', () => {
    expectTypeOf<ApiLimits>().toEqualTypeOf<{ suggestQuery: 200; quoteGet: 5000; quotePost: 20000 }>();
  });
});
