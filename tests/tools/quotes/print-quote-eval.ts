import type { QuoteVerdict } from '../../../server/api/types.ts';
import type { LatencySummary } from '../bench/percentiles.ts';
import type { Variant } from './make-quote-set.ts';

export interface VariantTally {
  checked: number;
  found: number;
  foundElsewhere: number;
  across: number;
  foundAcross: number;
  verdicts: Record<QuoteVerdict, number>;
}

export interface QuoteEvalResult {
  indexDir: string;
  documents: number;
  passages: number;
  quotes: number;
  acrossPassages: number;
  minWords: number;
  maxWords: number;
  variants: Record<Variant, VariantTally>;
  /** Over the variants with one or three words changed or a word dropped. */
  changedWords: { truth: number; named: number; namedTrue: number };
  /** Differences named on the exact and curly-quote variants, which have none. */
  unchangedNamed: number;
  absent: { total: number; verdicts: Record<QuoteVerdict, number>; byKind: Record<string, Record<QuoteVerdict, number>> };
  latency: LatencySummary;
  /** The process's CPU time per check. */
  cpu: LatencySummary;
  /** Load average (1 minute) at the end of the run. */
  load?: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
const verdictColumns = (verdicts: Record<QuoteVerdict, number>) => `${String(verdicts.exact).padStart(6)} ${String(verdicts.close).padStart(6)} ${String(verdicts.partial).padStart(8)} ${String(verdicts.not_found).padStart(10)}`;

export function printQuoteEval(result: QuoteEvalResult): void {
  console.log(`Quote check on ${result.indexDir}: ${result.documents} documents, ${result.passages} passages`);
  console.log(`${result.quotes} quotes of ${result.minWords}-${result.maxWords} words (${result.acrossPassages} across a passage boundary), 7 variants each; ${result.absent.total} absent quotes\n`);
  console.log(`${'variant'.padEnd(22)} ${'top-1'.padStart(7)} ${'across'.padStart(7)} ${'exact'.padStart(6)} ${'close'.padStart(6)} ${'partial'.padStart(8)} ${'not_found'.padStart(10)}`);
  for (const [variant, tally] of Object.entries(result.variants)) {
    const elsewhere = tally.foundElsewhere > 0 ? `  (${tally.foundElsewhere} at another place with the same words)` : '';
    console.log(`${variant.padEnd(22)} ${percent(tally.found, tally.checked).padStart(7)} ${percent(tally.foundAcross, tally.across).padStart(7)} ${verdictColumns(tally.verdicts)}${elsewhere}`);
  }
  const { truth, named, namedTrue } = result.changedWords;
  console.log(`\ndiff on changed and dropped words: precision ${percent(namedTrue, named)} (${namedTrue} of ${named} named), recall ${percent(namedTrue, truth)} (${namedTrue} of ${truth})`);
  console.log(`differences named on exact and curly-quote variants (which have none): ${result.unchangedNamed}`);
  console.log(`\nabsent quotes: ${'exact'.padStart(6)} ${'close'.padStart(6)} ${'partial'.padStart(8)} ${'not_found'.padStart(10)}`);
  console.log(`${'all'.padEnd(14)} ${verdictColumns(result.absent.verdicts)}`);
  for (const [kind, verdicts] of Object.entries(result.absent.byKind)) console.log(`${kind.padEnd(14)} ${verdictColumns(verdicts)}`);
  const line = ({ p50, p95, p99, max }: LatencySummary) => `p50 ${p50}  p95 ${p95}  p99 ${p99}  max ${max}`;
  console.log(`\nlatency of checkQuote in process over ${result.latency.count} checks (ms), load average ${result.load ?? '?'}:`);
  console.log(`  wall time ${line(result.latency)}`);
  console.log(`  CPU time  ${line(result.cpu)}`);
}
