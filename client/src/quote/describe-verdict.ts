import type { QuoteResponse } from '../../../server/api/types.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The verdict in words: a heading and a line that says what differs. */
export function describeVerdict(response: QuoteResponse): { title: string; detail: string } {
  const { changed = 0, missing = 0, added = 0, moved = 0 } = response.differences ?? {};
  const parts = [
    changed > 0 ? `${count(changed, 'word')} changed` : '',
    missing > 0 ? `${count(missing, 'word')} left out` : '',
    added > 0 ? `${count(added, 'word')} added` : '',
    moved > 0 ? `${count(moved, 'word')} in another order` : '',
  ].filter((part) => part !== '');
  switch (response.verdict) {
    case 'exact':
      return { title: 'Quoted exactly', detail: 'Every word is in the source, in this order.' };
    case 'close':
      return { title: 'Close, but not exact', detail: `Against the source: ${parts.join(', ')}.` };
    case 'partial':
      return { title: 'Only partly found', detail: `Part of the quote is in the archive; the rest differs (${parts.join(', ')}).` };
    case 'not_found':
      return { title: 'Not found in this archive', detail: 'No passage holds enough of these words in this order.' };
  }
}
