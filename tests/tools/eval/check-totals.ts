/**
 * `npm run check:totals`: are the API's totals true? Builds the evaluation corpus (the SOTU addresses
 * and the seed corpus), serves it with the real app on a loopback port, and for each word of a list
 * (rare words, common ones, words with neighbours one and two edits away, a number) compares the
 * passages `GET /api/search?q=<word> ` returns, every page of them, with the passages a brute-force
 * scan finds holding a form of the word: a term with the same stem that is a form of the same word
 * (the shared analyzer, stemmer and `isFormOf`, in the passage's language), case and accents folded, in the passage text or, for a document's first
 * passage, its title (indexed with it). Prints the table; exits 1 when a total is more than 5% above
 * the brute-force count or a passage holding the word is missing.
 *
 * Flags: --index DIR (an index already built of the same corpus, instead of building one) ·
 * --words a,b,c (instead of the list below).
 */
import { parseArgs } from 'node:util';
import { findWords, isFormOf, normalizeTerm, stemLanguageOf, stemTerm } from '../../../indexer/analyzer/index.ts';
import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import type { SearchResponse } from '../../../server/api/types.ts';
import { getIndexFacts } from '../../../server/index/index-facts.ts';
import { loadIndex } from '../../../server/index/load-index.ts';
import { typoBudget } from '../../../server/query/typo-budget.ts';
import type { Vocabulary } from '../../../server/suggest/build-vocabulary.ts';
import { makeTempFolder, readDocuments } from '../../support/fixture-index.ts';
import { buildEvalCorpus } from './eval-corpus.ts';
import { servePassim } from './eval-engines.ts';

/**
 * Words of the SOTU archive: rare and common ones, most with neighbours one or two edits away that the
 * typo pass matched before issue 12 (the table lists the commonest), forms the stemmer joins, numbers.
 */
const WORDS = [
  'coalition', 'naïve', 'dames', 'slavery', 'inflation', 'stave', 'slate', 'attrition', 'abstention', 'gender',
  'judgement', 'hermitage', 'thugs', 'lanes', 'honey', 'germs', 'frail', 'mouse', 'peach', 'liner',
  'grove', 'intercept', 'rendition', 'obsession', 'farce', 'coarse', 'petroleum', 'apollo', 'wilmes', 'government',
  'congress', 'people', 'states', 'nation', 'peace', 'war', 'tax', 'america', 'freedom', 'negotiations',
  'international', 'economy', '1,000', '1990',
];

const { values } = parseArgs({ options: { index: { type: 'string' }, words: { type: 'string' } } });
const words = values.words ? values.words.split(',') : WORDS;
const log = (message: string) => console.error(`check-totals: ${message}`);

const temp = values.index ? undefined : await makeTempFolder('passim-totals-');
try {
  const indexDir = values.index ?? (await buildEvalCorpus(temp!.path)).indexDir;
  const documents = await readDocuments(indexDir);
  const passages = listPassageStems(documents);
  log(`${passages.length} passages read`);
  const { vocabulary } = getIndexFacts(await loadIndex(indexDir));
  const passim = await servePassim(indexDir);
  const rows: string[] = [];
  let failures = 0;
  try {
    for (const word of words) {
      const found = await allMatches(passim.url, `${word} `);
      const term = normalizeTerm(word);
      const holding = new Set(passages.filter(({ lang, forms }) => (forms.get(stemTerm(term, lang)) ?? []).some((form) => isFormOf(term, form, lang))).map(({ id }) => id));
      const missing = [...holding].filter((id) => !found.ids.has(id)).length;
      const ratio = holding.size === 0 ? (found.total === 0 ? 1 : Infinity) : found.total / holding.size;
      const ok = ratio <= 1.05 && missing === 0 && found.ids.size === found.total;
      if (!ok) failures += 1;
      rows.push(`| ${word} | ${listNeighbours(vocabulary, term, stemTerm(term, 'en'))} | ${found.readAs} | ${found.total} | ${holding.size} | ${ratio.toFixed(3)} | ${missing} | ${ok ? 'yes' : '**no**'} |`);
    }
  } finally {
    await passim.close();
  }
  console.log(`\n# Totals against brute force: ${words.length} words, ${passages.length} passages\n`);
  console.log('| word | commonest neighbours (passages, edits) | read as | API total | passages holding a form | ratio | missing | ok |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
  console.log(rows.join('\n'));
  console.log(`\n${failures === 0 ? 'Every total is within 5% of the passages holding the word, none missing.' : `${failures} of ${words.length} words fail.`}`);
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await temp?.remove();
}

/** Every passage's terms by stem (text, and title for a document's first passage), in its stemming language. */
function listPassageStems(documents: readonly StoredDocument[]): { id: string; lang: string; forms: Map<string, string[]> }[] {
  return documents.flatMap((document) => {
    const lang = stemLanguageOf(document.lang) ?? '';
    return document.passages.map((passage) => {
      const text = document.text.slice(passage.start, passage.end) + (passage.ordinal === 0 ? `\n${document.title}` : '');
      const forms = new Map<string, string[]>();
      for (const term of new Set(findWords(text).map(({ word }) => normalizeTerm(word)))) {
        const stem = stemTerm(term, lang);
        forms.set(stem, [...(forms.get(stem) ?? []), term]);
      }
      return { id: passage.id, lang, forms };
    });
  });
}

/** Every passage id the API returns for a query, page after page, with its total and reading. */
async function allMatches(url: string, q: string): Promise<{ total: number; ids: Set<string>; readAs: string }> {
  const ids = new Set<string>();
  const limit = 50;
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${url}/api/search?${new URLSearchParams({ q, limit: String(limit), page: String(page) })}`);
    if (!response.ok) throw new Error(`Passim answered ${response.status} to ${q} (page ${page})`);
    const body = (await response.json()) as SearchResponse;
    for (const hit of body.hits) ids.add(hit.id);
    if (body.hits.length < limit || page * limit >= body.total) return { total: body.total, ids, readAs: body.interpretation?.readAs ?? '' };
  }
}

/**
 * The two commonest index terms within the term's typo budget that are not a form of it, which the
 * typo pass matched before issue 12: `condition (815, 2)` (passages, edits).
 */
function listNeighbours(vocabulary: Vocabulary, term: string, stem: string): string {
  const budget = typoBudget(term);
  if (budget === 0) return 'no typo budget (short word or number)';
  const near = [...vocabulary.fuzzyGet(term, budget)]
    .filter(([other, [, distance]]) => distance > 0 && stemTerm(other, 'en') !== stem)
    .sort(([, [a]], [, [b]]) => b.passages - a.passages)
    .slice(0, 2);
  return near.length === 0 ? 'none' : near.map(([other, [entry, distance]]) => `${other} (${entry.passages}, ${distance})`).join(', ');
}
