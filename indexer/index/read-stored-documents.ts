import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocumentChunks } from './documents-file.ts';
import { INDEX_FILES, type DocumentRecord, type StoredDocument } from './index-format.ts';
import { measureTextsTables, readTextsLayout, TEXTS_HEADER_BYTES } from './texts-file.ts';

/**
 * The documents of a built index with their texts, a document at a time, in index order: its
 * `documents.json` streamed, each document's text read from `texts.bin` as it comes. For the indexer's
 * later steps and the tools (bench, eval): an archive of a million passages never sits whole in memory.
 * Throws when the two files do not agree.
 */
export async function* readStoredDocuments(indexDir: string): AsyncGenerator<StoredDocument, void, undefined> {
  const texts = await open(join(indexDir, INDEX_FILES.texts), 'r');
  try {
    const header = await readExactly(texts, 0, TEXTS_HEADER_BYTES);
    const layout = readTextsLayout(await readExactly(texts, 0, measureTextsTables(header)));
    let at = 0;
    for await (const value of readDocumentChunks(createReadStream(join(indexDir, INDEX_FILES.documents), { highWaterMark: 1 << 20 }))) {
      if (at >= layout.documentCount) throw new Error(`${indexDir}: documents.json holds more documents than texts.bin`);
      const start = layout.documentStarts[at]!;
      const bytes = await readExactly(texts, layout.textAreaStart + start, layout.documentStarts[at + 1]! - start);
      at += 1;
      yield { ...(value as DocumentRecord), text: bytes.toString('utf8') };
    }
    if (at !== layout.documentCount) throw new Error(`${indexDir}: texts.bin holds more documents than documents.json`);
  } finally {
    await texts.close();
  }
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('texts.bin ends early');
    done += bytesRead;
  }
  return buffer;
}
