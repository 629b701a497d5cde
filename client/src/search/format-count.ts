const numberFormat = new Intl.NumberFormat('en');

/** "1 passage", "1,204 passages". */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${numberFormat.format(count)} ${count === 1 ? singular : plural}`;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** An estimated count as people say it: two significant figures (481,236 is 480,000; 97 stays 97). */
export function roundEstimate(count: number): number {
  if (count < 100) return Math.round(count);
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}

/** "about 480,000 passages": a count the server estimated (`totalIsEstimate`). */
export function formatEstimatedCount(count: number, singular: string, plural: string): string {
  return `about ${formatCount(roundEstimate(count), singular, plural)}`;
}
