import { describe, expect, it } from 'vitest';
import { formatCitation, formatPassageLink } from '../../client/src/citation/format-citation.ts';

const passage = {
  text: 'FOREIGN MINISTER WILMES:\u00A0 A pleasure.  Thank you “very” much.',
  title: 'Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability',
  sourceName: 'U.S. Department of State',
  docId: '02181563e802a78d',
  id: '02181563e802a78d-p13',
};

describe('formatCitation', () => {
  it('quotes the passage’s exact words, then names title and source with a link to the passage', () => {
    expect(formatCitation(passage, 'http://localhost:3000')).toBe(
      '“FOREIGN MINISTER WILMES:\u00A0 A pleasure.  Thank you “very” much.”\n' +
        '— Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability, U.S. Department of State. ' +
        'http://localhost:3000/?doc=02181563e802a78d&passage=02181563e802a78d-p13',
    );
  });

  it('builds a link that the reader opens at the passage, with its parameters escaped', () => {
    const link = new URL(formatPassageLink({ docId: 'a&b', id: 'a&b-p0' }, 'https://archive.example'));
    expect(link.searchParams.get('doc')).toBe('a&b');
    expect(link.searchParams.get('passage')).toBe('a&b-p0');
  });
});
