import { describe, expect, it } from 'vitest';
import type { CitablePassage } from '../../client/src/citation/citable-passage.ts';
import { formatCitation, formatPassageLink, formatSpeakerName } from '../../client/src/citation/format-citation.ts';
import { formatTextFragmentLink } from '../../client/src/citation/text-fragment.ts';

const ORIGIN = 'http://localhost:3000';

const passage: CitablePassage = {
  text: 'FOREIGN MINISTER WILMES:\u00A0 A pleasure.  Thank you “very” much.',
  title: 'Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability',
  source: 'state.gov',
  sourceName: 'U.S. Department of State',
  docId: '02181563e802a78d',
  id: '02181563e802a78d-p13',
};

const dated: CitablePassage = {
  ...passage,
  speaker: 'FOREIGN MINISTER WILMES',
  date: '2021-03-30',
  url: 'https://www.state.gov/secretary-blinken-and-belgian-foreign-minister/',
};

const link = `${ORIGIN}/?doc=02181563e802a78d&passage=02181563e802a78d-p13`;

describe('formatCitation', () => {
  it('quotes the passage’s exact words, then names title and source with a link to the passage', () => {
    expect(formatCitation(passage, ORIGIN)).toBe(
      '“FOREIGN MINISTER WILMES:\u00A0 A pleasure.  Thank you “very” much.”\n' +
        `— Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability, U.S. Department of State. ${link}`,
    );
  });

  it('adds the date and a link to the exact words on the original page when the document has them', () => {
    const [quote, attribution, original] = formatCitation(dated, ORIGIN, 'text').split('\n');
    expect(quote).toBe(`“${dated.text}”`);
    expect(attribution).toBe(
      `— Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability, U.S. Department of State, 30 March 2021. ${link}`,
    );
    expect(original).toBe(
      'Original: https://www.state.gov/secretary-blinken-and-belgian-foreign-minister/#:~:text=FOREIGN%20MINISTER%20WILMES%3A%20A%20pleasure.%20Thank%20you%20%E2%80%9Cvery%E2%80%9D%20much.',
    );
  });

  it('writes Markdown as a block quote with a linked title and the original as a second link', () => {
    expect(formatCitation(dated, ORIGIN, 'markdown')).toBe(
      `> ${dated.text}\n>\n` +
        `> — [Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability](${link}), ` +
        'U.S. Department of State, 30 March 2021 ([original](https://www.state.gov/secretary-blinken-and-belgian-foreign-minister/#:~:text=FOREIGN%20MINISTER%20WILMES%3A%20A%20pleasure.%20Thank%20you%20%E2%80%9Cvery%E2%80%9D%20much.))',
    );
  });

  it('keeps blank lines of a passage inside the Markdown quote and escapes brackets in a title', () => {
    const text = formatCitation({ ...passage, text: 'First.\n\nSecond.', title: 'Notes [draft]' }, ORIGIN, 'markdown');
    expect(text).toBe(`> First.\n>\n> Second.\n>\n> — [Notes \\[draft\\]](${link}), U.S. Department of State`);
  });

  it('writes APA style as the quotation with (author, year), then a reference with date, speaker and address', () => {
    expect(formatCitation(dated, ORIGIN, 'apa')).toBe(
      `“${dated.text}” (U.S. Department of State, 2021)\n\n` +
        'U.S. Department of State. (2021, March 30). Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability ' +
        '[Remarks by Foreign Minister Wilmes]. https://www.state.gov/secretary-blinken-and-belgian-foreign-minister/',
    );
  });

  it('says n.d. in APA style when the date is unknown, and links to the passage when there is no original', () => {
    expect(formatCitation(passage, ORIGIN, 'apa')).toBe(
      `“${passage.text}” (U.S. Department of State, n.d.)\n\n` +
        `U.S. Department of State. (n.d.). Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability. ${link}`,
    );
  });

  it('builds a link that the reader opens at the passage, with its parameters escaped', () => {
    const built = new URL(formatPassageLink({ docId: 'a&b', id: 'a&b-p0' }, 'https://archive.example'));
    expect(built.searchParams.get('doc')).toBe('a&b');
    expect(built.searchParams.get('passage')).toBe('a&b-p0');
  });
});

describe('formatSpeakerName', () => {
  it.each([
    ['FOREIGN MINISTER WILMES', 'Foreign Minister Wilmes'],
    ["SECRETARY BLINKEN-O'NEIL", "Secretary Blinken-O'Neil"],
    ['Antony J. Blinken', 'Antony J. Blinken'],
  ])('writes %s as %s', (speaker, expected) => {
    expect(formatSpeakerName(speaker)).toBe(expected);
  });
});

describe('formatTextFragmentLink', () => {
  it.each([
    ['quotes a short passage whole', 'We stand together.', 'https://a.example/p', 'https://a.example/p#:~:text=We%20stand%20together.'],
    [
      'names the first and last five words of a long passage',
      'one two three four five six seven eight nine ten eleven twelve',
      'https://a.example/p',
      'https://a.example/p#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve',
    ],
    ['escapes the characters a directive gives a meaning to', 'co-host, A&B', 'https://a.example/p', 'https://a.example/p#:~:text=co%2Dhost%2C%20A%26B'],
    ['replaces a fragment the address already had', 'Hello there', 'https://a.example/p#top', 'https://a.example/p#:~:text=Hello%20there'],
  ])('%s', (_name, text, url, expected) => {
    expect(formatTextFragmentLink(url, text)).toBe(expected);
  });
});
