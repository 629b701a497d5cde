import type { FacetValue } from '../../../server/api/types.ts';
import { formatNumber } from '../search/format-count.ts';
import type { YearRange } from '../url/url-state.ts';

/** Most bars a histogram draws; longer spans are grouped into bins of several years. */
export const MAX_BINS = 48;

export interface YearBin {
  from: number;
  to: number;
  count: number;
}

/** Year facet values as numbers, ascending; values that are not years are ignored. */
export function readYears(values: FacetValue[]): { year: number; count: number }[] {
  return values
    .filter((value) => /^\d{1,4}$/.test(value.value))
    .map((value) => ({ year: Number(value.value), count: value.count }))
    .sort((a, b) => a.year - b.year);
}

/**
 * Equal bins over the years from the first to the last (years without a match count 0,
 * so gaps show), at most `MAX_BINS` of them.
 */
export function binYears(years: { year: number; count: number }[], maxBins = MAX_BINS): YearBin[] {
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  if (first === undefined || last === undefined) return [];
  const size = Math.ceil((last - first + 1) / maxBins);
  const bins: YearBin[] = [];
  for (let from = first; from <= last; from += size) bins.push({ from, to: Math.min(from + size - 1, last), count: 0 });
  for (const { year, count } of years) {
    const bin = bins[Math.floor((year - first) / size)];
    if (bin) bin.count += count;
  }
  return bins;
}

export function isInRange(bin: YearBin, range: YearRange | null): boolean {
  return range !== null && bin.to >= range.from && bin.from <= range.to;
}

/**
 * What the year facet can truly say of the matches' dates, or undefined when the histogram says it
 * all: how many of them have a date when some have none ("3 of 114 matches have a date"), and the
 * one year they share when they share one. Never "every match is from 1901" of 3 dated matches out of
 * 114; and of counts the server estimated (`facetIsEstimate.year`), only what the estimate says ("about").
 */
export function describeYearCoverage(years: { year: number; count: number }[], undated = 0, estimated = false): string | undefined {
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  if (first === undefined || last === undefined) return undefined;
  const dated = years.reduce((sum, { count }) => sum + count, 0);
  const oneYear = first === last;
  if (estimated) {
    const year = oneYear ? `every dated match in the sample is from ${first}.` : undefined;
    if (undated > 0) return `About ${formatNumber(dated)} of ${formatNumber(dated + undated)} matches have a date${year ? `; ${year}` : '.'}`;
    return year && `Every match in the sample is from ${first}.`;
  }
  if (undated > 0) return `${formatNumber(dated)} of ${formatNumber(dated + undated)} matches have a date${oneYear ? `, all from ${first}` : ''}.`;
  return oneYear ? `Every match is from ${first}.` : undefined;
}
