import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findWords, normalizeTerm, stemTerm } from '../../indexer/analyzer/index.ts';
import { passimAnalysisSettings } from '../../indexer/opensearch/analysis-settings.ts';
import { parseSynonyms, SYNONYMS_FILE } from '../../server/query/synonyms.ts';
import { startOpenSearchCluster, type LocalOpenSearch } from '../support/opensearch-cluster.ts';
import { describeOpenSearch } from '../support/opensearch-suite.ts';

/**
 * OpenSearch's analyzers (indexer/opensearch/analysis-settings.ts) against Passim's on the same
 * sentences: the same terms at the same offsets, the same stems, the same synonym groups. Sentences
 * are the kinds the archives hold: web captures with curly quotes and NBSPs, transcripts with
 * speakers and accents, French and Dutch, abbreviations, numbers written in several ways.
 */
const SENTENCES = [
  'FOREIGN MINISTER WILMES: Ladies and gentlemen, dames\u00A0en\u00A0heren,',
  'Sophie Wilmès said the Coalition’s philosophy hasn’t changed; we’re convinced.',
  "Today's meeting: don't forget the U.S.'s allies and the U.S.A. in Washington, D.C. today.",
  'The UK’s envoy, the UN, U.S officials and the E.U. signed un accord with us; US’s and UK allies.',
  'Plan B. Then US troops — 18,000 of them — left; 18.000 soldaten en 18\u00A0000 et 18\u202F000 hommes.',
  '$10,406,100.77 or 1.2 billion, 1,2 milliard, 3.14159 and 1,000.5 in 1998, 1999 and 2000.',
  'F-16’s in Iraq, F16 jets, COVID-19 and covid19 in the 1990s; US$ 670 million.',
  'La coopération internationale est essentielle pour l’Union européenne et l’OTAN.',
  'De Europese Unie en de Verenigde Naties werken samen aan één gezamenlijke aanpak.',
  'Straße, Œuvre, Ærø, Łódź, Đorđe, Þór, naïve café, résumé, İstanbul and ﬁnance.',
  'Co-chaired by the Biden-Harris administration – countries “and especially” allies…',
  'The execution of the convention gave protection to nations.',
  'Negotiations negotiated; the negotiators were negotiating (nations, national, nationally).',
  'Les négociations ont été négociées ; nous négocions les accords signés.',
  'De onderhandelingen werden gevoerd door onderhandelaars die onderhandelden.',
  'Daesh, ISIS and ISIL; the Islamic State; Al-Qaida and Al Qaeda; NATO; the USSR.',
];

interface Token {
  token: string;
  start_offset: number;
  end_offset: number;
}

describeOpenSearch('OpenSearch analyzers hold to Passim’s analyzer', () => {
  let cluster: LocalOpenSearch;
  let base: string;
  beforeAll(async () => {
    cluster = await startOpenSearchCluster();
    base = `${cluster.urls[0]}/parity`;
    const created = await fetch(base, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { number_of_shards: 1, number_of_replicas: 0, analysis: passimAnalysisSettings() } }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
  }, 300_000);
  afterAll(() => cluster?.stop());

  async function analyze(analyzer: string, text: string): Promise<Token[]> {
    const response = await fetch(`${base}/_analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ analyzer, text }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { tokens: Token[] }).tokens;
  }

  it.each(SENTENCES)('finds the same terms at the same offsets: %s', async (sentence) => {
    const passim = findWords(sentence).map(({ word, start, end }) => ({ token: normalizeTerm(word), start_offset: start, end_offset: end }));
    const opensearch = (await analyze('passim', sentence)).map(({ token, start_offset, end_offset }) => ({ token, start_offset, end_offset }));
    expect(opensearch).toEqual(passim);
  });

  it.each(['fr', 'nl'])('stems like Passim in %s', async (lang) => {
    for (const sentence of SENTENCES) {
      const passim = findWords(sentence).map(({ word }) => stemTerm(normalizeTerm(word), lang));
      expect((await analyze(`passim_${lang}`, sentence)).map(({ token }) => token), sentence).toEqual(passim);
    }
  });

  it('stems like Passim in English but for words ending in -ion, where Passim’s Porter drops the t or s before it (docs/scaling.md)', async () => {
    const differences: string[] = [];
    for (const sentence of SENTENCES) {
      const words = findWords(sentence).map(({ word }) => normalizeTerm(word));
      const stems = (await analyze('passim_en', sentence)).map(({ token }) => token);
      expect(stems).toHaveLength(words.length);
      words.forEach((term, at) => {
        if (stemTerm(term, 'en') !== stems[at]) differences.push(`${term}: ${stemTerm(term, 'en')} / ${stems[at]}`);
      });
    }
    expect(differences).toEqual(['coalition: coalition / coalit', 'execution: execu / execut', 'convention: conven / convent', 'protection: protec / protect']);
  });

  it('folds Greek and Cyrillic letters as Passim does, and leaves Hangul syllables whole where Passim splits them (docs/scaling.md)', async () => {
    const sentence = 'Ελλάδα και Йорк, Café, Ёлка; 한국';
    const passim = findWords(sentence).map(({ word, start, end }) => ({ token: normalizeTerm(word), start_offset: start, end_offset: end }));
    const opensearch = (await analyze('passim', sentence)).map(({ token, start_offset, end_offset }) => ({ token, start_offset, end_offset }));
    expect(passim.map(({ token }) => token)).toEqual(['ελλαδα', 'και', 'иорк', 'cafe', 'елка', '한국'.normalize('NFKD')]);
    expect(opensearch.slice(0, -1)).toEqual(passim.slice(0, -1));
    expect(opensearch.at(-1)).toEqual({ ...passim.at(-1), token: '한국' });
  });

  it('searches every form of a synonym group for any one of them (data/synonyms.txt)', async () => {
    const { groups } = parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const groupTerms = new Set(group.flatMap((form) => form.terms));
      for (const form of group) {
        const found = new Set((await analyze('passim_synonyms', form.text)).map(({ token }) => token));
        expect([...found].sort(), form.text).toEqual([...groupTerms].sort());
      }
    }
  });
});
