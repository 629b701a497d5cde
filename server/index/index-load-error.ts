/** Why an index cannot be served, in words that say what to do about it. */
export class IndexLoadError extends Error {
  constructor(
    readonly code: 'index_missing' | 'index_corrupt' | 'index_incompatible',
    message: string,
  ) {
    super(message);
    this.name = 'IndexLoadError';
  }
}
