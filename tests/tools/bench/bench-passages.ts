import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { readStoredDocuments } from '../../../indexer/index/read-stored-documents.ts';
import type { BenchPassage } from './query-set.ts';

/**
 * The passages of a built index with their text and source, read a document at a time: at x64
 * (950,000 passages, 700 MB of text) all of it is longer than the longest string V8 makes.
 */
export async function readBenchPassages(indexDir: string): Promise<BenchPassage[]> {
  const passages: BenchPassage[] = [];
  for await (const document of readStoredDocuments(indexDir)) {
    for (const passage of document.passages) passages.push({ text: document.text.slice(passage.start, passage.end), source: document.source });
  }
  return passages;
}

/** Writes passages one JSON value a line (one JSON string of them all would be too long at x64). */
export async function writeBenchPassages(file: string, passages: readonly BenchPassage[]): Promise<void> {
  const out = createWriteStream(file);
  for (const passage of passages) if (!out.write(`${JSON.stringify(passage)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** The passages `writeBenchPassages` wrote. */
export async function loadBenchPassages(file: string): Promise<BenchPassage[]> {
  const passages: BenchPassage[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line.length > 0) passages.push(JSON.parse(line) as BenchPassage);
  return passages;
}
