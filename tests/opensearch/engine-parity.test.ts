import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api/types.ts';
import { createOpenSearchEngine } from '../../server/engine/opensearch/opensearch-engine.ts';
import type { SearchEngine, SearchRequest } from '../../server/engine/search-engine.ts';
import { createTermIndexEngine } from '../../server/engine/term-index-engine.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { presentPassage } from '../../server/search/present-passage.ts';
import { presentSearch } from '../../server/search/present-search.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, SEED_CORPUS, type TempFolder } from '../support/fixture-index.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';
import { writeOpenSearchBuild } from '../support/write-opensearch-build.ts';

/** Queries whose words are finished (no prefix, no near spellings): the two engines must count the same passages. */
const EXACT = [
  'coalition ', 'Daesh ', 'international cooperation ', '"international cooperation" ', 'Wilmès ', 'wilmes ', 'the ', 'climate change ',
  'coalition -daesh ', 'coalition OR multilateralism ', 'source:state.gov the ', 'year:2021 coalition ', 'date:2019..2020 cooperation ',
  'speaker:blinken coalition ', 'title:cooperation international ', 'U.S. ', '32 States ', 'dames en heren ', 'unicorn coalition ',
  'coalition against the unicorn ', 'lang:en meeting ', 'speaker:nobody coalition ', 'speaker:state.gov the ', 'title:unicorn the ',
];
/** As typed: the last word a prefix, near spellings for unknown words. */
const TYPED = ['coal', 'intern', 'Wilm', 'multilateralsim ', 'coalitoin against daesh', 'dae', 'sec'];
/** A reader looking for one passage they remember: the first hit must be the same. */
const KNOWN_ITEMS = [
  'Sophie Wilmès co-chaired with US Secretary of State Antony Blinken ',
  'Only more international cooperation is successful ',
  'Alliance for Multilateralism New York ',
  'ladies and gentlemen dames en heren ',
  'coalition against Daesh met in Brussels ',
  'Thank you so much, and good morning ',
];

interface Corpus {
  name: string;
  dir: string;
}

const CORPORA: Corpus[] = [
  { name: 'seed', dir: SEED_CORPUS },
  { name: 'fixture', dir: FIXTURE_CORPUS },
];

describeOpenSearch('the OpenSearch engine beside the term index', () => {
  let cluster: LocalOpenSearch;
  let temp: TempFolder;
  const engines = new Map<string, { termIndex: SearchEngine; openSearch: SearchEngine }>();
  beforeAll(async () => {
    cluster = await startOpenSearchCluster({ nodes: 1 });
    temp = await makeTempFolder();
    for (const { name, dir } of CORPORA) {
      const folder = await makeTempFolder();
      const { indexDir } = await buildTempIndex(dir, folder);
      const index = await loadIndex(indexDir);
      await folder.remove();
      await writeOpenSearchBuild(cluster.urls, `parity-${name}`, index);
      engines.set(name, { termIndex: createTermIndexEngine(() => index), openSearch: createOpenSearchEngine({ urls: cluster.urls, indexPrefix: `parity-${name}` }) });
    }
  }, 300_000);
  afterAll(async () => {
    for (const { openSearch } of engines.values()) await openSearch.close();
    await temp?.remove();
    await cluster?.stop();
  });

  const both = async (corpus: string, request: Partial<SearchRequest> & { q: string }): Promise<[SearchResponse, SearchResponse]> => {
    const full: SearchRequest = { sources: [], page: 1, limit: 10, baseUrl: 'http://passim.test', ...request };
    const { termIndex, openSearch } = engines.get(corpus)!;
    return [presentSearch(await termIndex.search(full), full, 0), presentSearch(await openSearch.search(full), full, 0)];
  };

  for (const { name } of CORPORA) {
    it(`counts the same passages and facet values for exact queries (${name} corpus)`, async () => {
      for (const q of EXACT) {
        const [term, open] = await both(name, { q });
        const facts = (body: SearchResponse) => ({ q, total: body.total, facets: body.facets, undated: body.undated, matchMode: body.interpretation?.matchMode, notes: body.interpretation?.notes });
        expect(facts(open)).toEqual(facts(term));
      }
    });

    it(`counts the same passages for queries as typed, and reads them the same way (${name} corpus)`, async () => {
      for (const q of TYPED) {
        const [term, open] = await both(name, { q });
        expect({ q, total: open.total, readAs: open.interpretation?.readAs, suggestion: open.suggestion }).toEqual({ q, total: term.total, readAs: term.interpretation?.readAs, suggestion: term.suggestion });
      }
    });

    it(`keeps the facet counts of unselected values when a facet is selected (${name} corpus)`, async () => {
      const [all] = await both(name, { q: 'the ' });
      const source = all.facets.source[0]!.value;
      const [term, open] = await both(name, { q: 'the ', sources: [source], years: [all.facets.year?.[0]?.value ?? '2021'] });
      expect(open.total).toBe(term.total);
      expect(open.facets).toEqual(term.facets);
    });
  }

  it('lists the same passages by date, newest or oldest first, page after page', async () => {
    for (const { name } of CORPORA) {
      for (const sort of ['newest', 'oldest'] as const) {
        const ids = async (engine: 'term' | 'open') => {
          const pages = await Promise.all([1, 2].map((page) => both(name, { q: 'the ', sort, page, limit: 3 })));
          return pages.flatMap(([term, open]) => (engine === 'term' ? term : open).hits.map((hit) => hit.date ?? 'undated'));
        };
        expect(await ids('open')).toEqual(await ids('term'));
      }
    }
  });

  it('finds the same first passage for known-item queries, with the same snippet and citation', async () => {
    for (const q of KNOWN_ITEMS) {
      for (const { name } of CORPORA) {
        const [term, open] = await both(name, { q });
        if (term.total === 0) continue;
        expect({ q, first: open.hits[0]?.id }).toEqual({ q, first: term.hits[0]?.id });
        expect(open.hits[0]!.snippet).toEqual(term.hits[0]!.snippet);
        expect(open.hits[0]!.citation).toEqual(term.hits[0]!.citation);
        expect(open.hits[0]!.matchedTerms).toEqual(term.hits[0]!.matchedTerms);
      }
    }
  });

  it('summarizes the archive the same way, suggests the same completions and answers the same passage and document highlights', async () => {
    const { termIndex, openSearch } = engines.get('seed')!;
    expect((await openSearch.health()).archive).toEqual((await termIndex.health()).archive);
    for (const q of ['coal', 'Only more', 'intern', 'wilm']) expect(await openSearch.suggest(q, 8)).toEqual(await termIndex.suggest(q, 8));
    const [term] = await both('seed', { q: 'coalition' });
    const hit = term.hits[0]!;
    const passageOf = async (engine: SearchEngine) => {
      const found = (await engine.passage(hit.id))!;
      return presentPassage(found.entry, found.text, 'http://passim.test');
    };
    expect(await passageOf(openSearch)).toEqual(await passageOf(termIndex));
    const [fromTerm, fromOpen] = [await termIndex.document(hit.docId, 'coalition daesh'), await openSearch.document(hit.docId, 'coalition daesh')];
    expect(fromOpen?.matched?.highlights).toEqual(fromTerm?.matched?.highlights);
    expect(fromOpen?.document).toEqual(fromTerm?.document);
  });
});
