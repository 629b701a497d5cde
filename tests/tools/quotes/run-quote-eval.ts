/**
 * `npm run eval:quotes`: checks quotes cut from the State of the Union addresses, in seven variants,
 * and quotes that are not in them, against a Passim index, and prints top-1 accuracy per variant, the
 * diff's precision and recall on the changed words, the verdicts on absent quotes and the latency.
 * Needs the SOTU index: `npm run corpus:sotu && npm run index -- --corpus data/sotu --index data/sotu-index`.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { QuoteVerdict } from '../../../server/api/types.ts';
import { loadIndex } from '../../../server/index/load-index.ts';
import { readDocumentText, readStoredDocument } from '../../../server/index/loaded-index.ts';
import { checkQuote } from '../../../server/quote/check-quote.ts';
import { buildTempIndex, makeTempFolder, readDocuments, SEED_CORPUS } from '../../support/fixture-index.ts';
import { summarizeLatencies } from '../bench/percentiles.ts';
import { seededRandom } from '../bench/query-set.ts';
import { makeAbsentQuotes } from './make-absent-quotes.ts';
import { makeQuoteCases, VARIANTS, type Variant } from './make-quote-set.ts';
import { printQuoteEval, type QuoteEvalResult } from './print-quote-eval.ts';
import { scoreQuoteCheck } from './score-quote.ts';

const { values } = parseArgs({
  options: {
    index: { type: 'string', default: 'data/sotu-index' },
    quotes: { type: 'string', default: '300' },
    seed: { type: 'string', default: '16' },
    misses: { type: 'boolean', default: false },
  },
});
if (!existsSync(values.index)) {
  console.error(`No index at ${values.index}. Build the SOTU one with: npm run corpus:sotu && npm run index -- --corpus data/sotu --index data/sotu-index`);
  process.exit(2);
}

const index = await loadIndex(values.index);
const documents = [...index.documents.values()].map((document) => readStoredDocument(index, document));
const random = seededRandom(Number(values.seed));
const vocabulary = index.terms.forms.filter((form) => /^[A-Za-z]{4,12}$/.test(form));
const cases = makeQuoteCases(documents, Number(values.quotes), random, vocabulary);
const seedFolder = await makeTempFolder('passim-quote-eval-');
const { indexDir: seedIndex } = await buildTempIndex(SEED_CORPUS, seedFolder);
const absent = await makeAbsentQuotes(documents, await readDocuments(seedIndex), random);
await seedFolder.remove();

const timings: number[] = [];
const cpuTimings: number[] = [];
// Wall time, and the process's CPU time: on a machine shared with other jobs, wall time also counts
// the time the process waited for a core.
const timed = (text: string) => {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const response = checkQuote(index, text);
  timings.push(performance.now() - startedAt);
  const cpu = process.cpuUsage(cpuBefore);
  cpuTimings.push((cpu.user + cpu.system) / 1000);
  return response;
};
const EXPECTED: Record<Variant, QuoteVerdict> = {
  exact: 'exact',
  'curly quotes': 'exact',
  ellipsis: 'exact',
  'one word changed': 'close',
  'three words changed': 'close',
  'word dropped': 'close',
  'clauses reordered': 'close',
};
// Warm-up: the first checks build the term table and fill the word caches.
for (const quote of cases.slice(0, 10)) checkQuote(index, quote.variants[0]!.text);

const emptyVerdicts = (): Record<QuoteVerdict, number> => ({ exact: 0, close: 0, partial: 0, not_found: 0 });
const result: QuoteEvalResult = {
  indexDir: values.index,
  documents: documents.length,
  passages: index.entries.length,
  quotes: cases.length,
  acrossPassages: cases.filter((quote) => quote.crossesPassages).length,
  minWords: Math.min(...cases.map((quote) => quote.words)),
  maxWords: Math.max(...cases.map((quote) => quote.words)),
  variants: Object.fromEntries(VARIANTS.map((variant) => [variant, { checked: 0, found: 0, foundElsewhere: 0, foundAcross: 0, across: 0, verdicts: emptyVerdicts() }])) as QuoteEvalResult['variants'],
  changedWords: { truth: 0, named: 0, namedTrue: 0 },
  unchangedNamed: 0,
  absent: { total: absent.length, verdicts: emptyVerdicts(), byKind: {} },
  latency: summarizeLatencies([]),
  cpu: summarizeLatencies([]),
};
const misses: string[] = [];
for (const quote of cases) {
  const text = readDocumentText(index, index.documents.get(quote.docId)!);
  for (const variant of quote.variants) {
    const response = timed(variant.text);
    const score = scoreQuoteCheck(quote, variant, text, response);
    const tally = result.variants[variant.variant as Variant];
    tally.checked += 1;
    tally.verdicts[response.verdict] += 1;
    if (quote.crossesPassages) tally.across += 1;
    if (score.found) {
      tally.found += 1;
      if (score.foundElsewhere) tally.foundElsewhere += 1;
      if (quote.crossesPassages) tally.foundAcross += 1;
    } else misses.push(`${variant.variant}: ${response.verdict} ${response.source?.title ?? '-'} for ${JSON.stringify(variant.text.slice(0, 160))}`);
    if (score.found && response.verdict !== EXPECTED[variant.variant]) misses.push(`${variant.variant}: found but ${response.verdict} for ${JSON.stringify(variant.text)} ~ ${JSON.stringify(response.source?.quoted)}`);
    if (variant.variant === 'one word changed' || variant.variant === 'three words changed' || variant.variant === 'word dropped') {
      result.changedWords.truth += score.truthDifferences;
      result.changedWords.named += score.named;
      result.changedWords.namedTrue += score.namedTrue;
    }
    if (variant.variant === 'exact' || variant.variant === 'curly quotes') result.unchangedNamed += score.named;
  }
}
for (const quote of absent) {
  const response = timed(quote.text);
  result.absent.verdicts[response.verdict] += 1;
  const kind = (result.absent.byKind[quote.kind] ??= emptyVerdicts());
  kind[response.verdict] += 1;
  if (response.verdict === 'exact' || response.verdict === 'close') misses.push(`absent (${quote.kind}) reported ${response.verdict}: ${JSON.stringify(quote.text)} ~ ${JSON.stringify(response.source?.quoted)}`);
}
result.latency = summarizeLatencies(timings);
result.cpu = summarizeLatencies(cpuTimings);
const load = loadavg()[0]!.toFixed(1);
result.load = load;
printQuoteEval(result);
if (values.misses) for (const miss of misses) console.log(`  miss: ${miss}`);
