import type { LoadedIndex } from '../../../server/index/loaded-index.ts';

/** What people search a State of the Union archive for: words, phrases, prefixes while typing, typos, filters, exclusions. */
const QUERIES = [
  'economy', 'war', 'freedom', 'taxes', 'tax cuts', 'health care', '"health care"', 'education', 'educ', 'goverment',
  'inflation', 'jobs economy growth', 'iraq OR afghanistan', 'terrorism -iraq', 'slavery', 'union', 'the union is strong',
  'nuclear weapons', 'soviet', 'immigration reform', 'social security', 'medicare', 'budget deficit', 'climate', 'energy independence',
  'civil rights', 'infrastructure', 'farmers', 'railroad', 'gold standard', 'tariff', 'depression', 'employment', 'congress',
  'year:1990..2000 economy', 'date:>=2001 security', 'peace treaty', 'constitution', 'america', 'democracy', 'liberty', 'w',
  'we the people', 'prosperity', 'veterans', 'military strength', 'space', 'internet', 'children', 'families',
];

/** Pieces of words as they are typed, for suggestions. */
const PREFIXES = ['ec', 'eco', 'econ', 'wa', 'fre', 'he', 'hea', 'edu', 'tax', 'sec', 'pea', 'uni', 'gov', 'inf', 'mil', 'sov'];

export interface RequestMix {
  /** The next request path, picked at random by the mix's weights. */
  next: () => string;
}

/**
 * The mix of requests of a team using the archive: mostly searches (pages 1 to 3, 10 or 20 hits, some
 * narrowed to a president), suggestions while typing, documents and passages opened to read, and
 * the odd health check.
 */
export function createRequestMix(index: LoadedIndex, random: () => number = Math.random): RequestMix {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const documentIds = [...index.documents.keys()];
  const passageIds = [...index.passages.keys()];
  const sources = [...index.sourceNames.keys()];
  return {
    next: () => {
      const roll = random();
      if (roll < 0.62) {
        const params = new URLSearchParams({ q: pick(QUERIES), page: String(1 + Math.floor(random() * 3)), limit: random() < 0.8 ? '10' : '20' });
        if (random() < 0.15) params.append('source', pick(sources));
        return `/api/search?${params}`;
      }
      if (roll < 0.82) return `/api/suggest?${new URLSearchParams({ q: pick(PREFIXES) })}`;
      if (roll < 0.9) return `/api/documents/${pick(documentIds)}`;
      if (roll < 0.98) return `/api/passages/${encodeURIComponent(pick(passageIds))}`;
      return '/api/health';
    },
  };
}
