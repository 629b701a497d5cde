import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords } from '../../indexer/analyzer/index.ts';
import { chunkDocument } from '../../indexer/chunk/chunk-document.ts';
import { splitSentences } from '../../indexer/chunk/split-sentences.ts';

const sentence = (n: number, words = 12) => `Sentence ${n} has ${Array.from({ length: words - 5 }, (_, i) => `word${i}`).join(' ')} in it.`;
const paragraph = (first: number, count: number, words = 12) => Array.from({ length: count }, (_, i) => sentence(first + i, words)).join(' ');
const slice = (text: string) => (p: { start: number; end: number }) => text.slice(p.start, p.end);

describe('chunkDocument', () => {
  it('keeps short paragraphs together up to the target size', () => {
    const text = [paragraph(1, 4), paragraph(5, 4), paragraph(9, 4)].join('\n\n'); // 3 x 48 words
    const passages = chunkDocument(text);
    expect(passages.map((p) => p.wordCount)).toEqual([96, 48]);
    expect(passages.map(slice(text))).toEqual([`${paragraph(1, 4)}\n\n${paragraph(5, 4)}`, paragraph(9, 4)]);
  });

  it('splits a long paragraph between sentences into pieces of similar size', () => {
    const text = paragraph(1, 30); // one paragraph of 360 words, no line breaks (like the SOTU texts)
    const passages = chunkDocument(text);
    expect(passages.map((p) => p.wordCount)).toEqual([120, 120, 120]);
    for (const passage of passages) {
      expect(slice(text)(passage)).toMatch(/^Sentence \d+ .* in it\.$/s);
    }
  });

  it('never cuts a sentence, whatever the paragraph layout', () => {
    const text = `${paragraph(1, 25, 15)}\n\n${paragraph(30, 2)}\n\n${paragraph(40, 18, 9)}`;
    const sentenceEnds = new Set(splitSentences(text).map((s) => s.end));
    for (const passage of chunkDocument(text)) {
      expect(sentenceEnds.has(passage.end), slice(text)(passage)).toBe(true);
      expect(passage.wordCount).toBeLessThanOrEqual(200);
    }
  });

  it('keeps a runaway sentence apart rather than growing a passage past the maximum with it', () => {
    const table = `Totals ${Array.from({ length: 250 }, (_, i) => `row${i} -`).join(' ')} end.`; // 252 words, no full stop
    const text = `${paragraph(1, 2)} ${table} ${paragraph(3, 15)}`;
    for (const passage of chunkDocument(text)) expect(passage.wordCount).toBeLessThanOrEqual(400);
    expect(chunkDocument(text).map(slice(text))).toContain(table);
  });

  it('takes a heading into the passage that follows it', () => {
    const text = `Alliance for Multilateralism\n\n${paragraph(1, 5)}`;
    expect(chunkDocument(text).map(slice(text))).toEqual([text]);
  });

  it('starts a new passage at each speaker and never spans two speakers', () => {
    const text = `SECRETARY BLINKEN:\u00A0 ${paragraph(1, 2)}\n\nFOREIGN MINISTER WILMES:  ${paragraph(3, 1)}\n\n${paragraph(4, 1)}`;
    const passages = chunkDocument(text);
    expect(passages.map((p) => p.speaker)).toEqual(['SECRETARY BLINKEN', 'FOREIGN MINISTER WILMES']);
    expect(slice(text)(passages[1]!)).toBe(`FOREIGN MINISTER WILMES:  ${paragraph(3, 1)}\n\n${paragraph(4, 1)}`);
  });

  it('takes neither a salutation nor ordinary capitals for a speaker, but knows one-word roles', () => {
    const turn = (label: string) => chunkDocument(`${label}:  ${paragraph(1, 1)}`)[0]?.speaker;
    expect(turn('GENTLEMEN OF THE CONGRESS')).toBeUndefined();
    expect(turn('TO THE SENATE AND HOUSE OF REPRESENTATIVES')).toBeUndefined();
    expect(turn('NOTE')).toBeUndefined();
    expect(turn('QUESTION')).toBe('QUESTION');
    expect(turn('THE PRESIDENT')).toBe('THE PRESIDENT');
  });

  it('does not split a sentence after an abbreviation or an initial', () => {
    const text = 'Mr. Secretary, dear Antony J. Blinken, welcome. The U.S. is our first export market.';
    expect(splitSentences(text).map(slice(text))).toEqual(['Mr. Secretary, dear Antony J. Blinken, welcome.', 'The U.S. is our first export market.']);
  });

  it('cuts a runaway sentence with no full stop at word boundaries', () => {
    const text = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
    const passages = chunkDocument(text);
    expect(passages.map((p) => p.wordCount)).toEqual([400, 400, 100]);
    expect(passages.map(slice(text)).join(' ')).toBe(text);
  });

  it('covers every word of any text exactly once, in order, with offsets inside the text', () => {
    const token = fc.constantFrom('word', 'Mr.', 'end.', 'Why?', 'U.S.', '—', 'it’s', 'Wilmès', 'SECRETARY', 'BLINKEN:', '\n', '\n\n', '\u00A0', '  ');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 600 }), (tokens) => {
        const text = tokens.join(' ');
        const passages = chunkDocument(text);
        let previousEnd = 0;
        const covered: string[] = [];
        for (const passage of passages) {
          expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
          expect(passage.end).toBeGreaterThan(passage.start);
          expect(passage.end).toBeLessThanOrEqual(text.length);
          covered.push(...findWords(slice(text)(passage)).map((w) => w.word));
          previousEnd = passage.end;
        }
        expect(covered).toEqual(findWords(text).map((w) => w.word));
      }),
      { numRuns: 300 },
    );
  });
});
