const numberFormat = new Intl.NumberFormat('en');

/** "1 passage", "1,204 passages". */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${numberFormat.format(count)} ${count === 1 ? singular : plural}`;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
