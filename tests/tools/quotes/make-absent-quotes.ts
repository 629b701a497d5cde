import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitSentences } from '../../../indexer/chunk/split-sentences.ts';
import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import { readQuote } from '../../../server/quote/read-quote.ts';

/** A quote that is not in the archive, and how it was made. */
export interface AbsentQuote {
  kind: 'stitched from two speeches' | 'real prose from another archive' | 'written in the style';
  text: string;
}

/** Sentences of the documents with `min`..`max` words, as their text. */
function sentencesOf(documents: readonly StoredDocument[], min: number, max: number): string[] {
  return documents.flatMap((document) =>
    splitSentences(document.text)
      .map(({ start, end }) => document.text.slice(start, end))
      .filter((sentence) => {
        const words = readQuote(sentence).words.length;
        return words >= min && words <= max;
      }),
  );
}

/**
 * Quotes that sound like the archive but are not in it: the first part of a sentence of one
 * president's address joined to the end of a sentence of another's (each part 40–60% of the quote,
 * so neither is most of it); sentences of other political archives (the seed corpus: State Department
 * and Belgian foreign ministry statements and a press availability); and sentences written for this
 * set in the manner of an address.
 */
export async function makeAbsentQuotes(sotu: readonly StoredDocument[], seed: readonly StoredDocument[], random: () => number, counts = { stitched: 40, seed: 40 }): Promise<AbsentQuote[]> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const quotes: AbsentQuote[] = [];
  const sentencesBySource = new Map<string, string[]>();
  for (const document of sotu) sentencesBySource.set(document.source, [...(sentencesBySource.get(document.source) ?? []), ...sentencesOf([document], 14, 60)]);
  const sources = [...sentencesBySource.keys()].filter((source) => sentencesBySource.get(source)!.length > 0);
  while (quotes.length < counts.stitched) {
    const a = pick(sources);
    const b = pick(sources);
    if (a === b) continue;
    const first = pick(sentencesBySource.get(a)!);
    const second = pick(sentencesBySource.get(b)!);
    const length = 12 + Math.floor(random() * 29);
    const head = Math.round(length * (0.4 + random() * 0.2));
    const firstWords = readQuote(first).words;
    const secondWords = readQuote(second).words;
    if (firstWords.length < head || secondWords.length < length - head) continue;
    const headText = first.slice(0, firstWords[head - 1]!.end);
    const tailText = second.slice(secondWords[secondWords.length - (length - head)]!.start);
    quotes.push({ kind: 'stitched from two speeches', text: `${headText} ${tailText}` });
  }
  const seedSentences = sentencesOf(seed, 10, 60);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(counts.seed, seedSentences.length)) chosen.add(pick(seedSentences));
  for (const text of chosen) quotes.push({ kind: 'real prose from another archive', text });
  const written = JSON.parse(await readFile(join(import.meta.dirname, 'written-absent-quotes.json'), 'utf8')) as string[];
  for (const text of written) quotes.push({ kind: 'written in the style', text });
  return quotes;
}
