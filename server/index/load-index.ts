import { ANALYZER_VERSION } from '../../indexer/analyzer/index.ts';
import { toDocumentRecord } from '../../indexer/index/documents-file.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type DocumentRecord, type IndexManifest, type StoredDocument } from '../../indexer/index/index-format.ts';
import type { TermIndex } from '../../indexer/index/term-index.ts';
import { findManifestProblem } from './check-index-shape.ts';
import { keepDocumentTexts, readDocumentTexts, type DocumentTexts } from './document-texts.ts';
import { IndexLoadError } from './index-load-error.ts';
import type { LoadedIndex } from './loaded-index.ts';
import { openTextsFile, parseTermIndexFile, readDocumentStore, readIndexJson, readTermIndexFile, refuseDamaged } from './read-index-files.ts';
import { sliceWork, type WorkSliceOptions, type WorkSlices } from './work-slices.ts';

export { IndexLoadError } from './index-load-error.ts';

export interface LoadIndexOptions {
  /** How the loading work shares the event loop with requests (work-slices.ts). */
  slices?: Partial<WorkSliceOptions>;
  /** Slices to run the work in instead of timed ones (a test drives the pauses). Default: `sliceWork(slices)`. */
  workSlices?: WorkSlices;
}

/**
 * Loads and checks the index in `indexDir`; refuses one built by another format or analyzer. The work
 * is done in short slices with the event loop let through between them, so a server keeps answering
 * on the index it serves while it loads the next one. A server loads with `loadServedIndex`
 * (server/load-served-index.ts), which also builds what the first search would otherwise build.
 */
export async function loadIndex(indexDir: string, options: LoadIndexOptions = {}): Promise<LoadedIndex> {
  const slices = options.workSlices ?? sliceWork(options.slices);
  const manifestJson = await readIndexJson(indexDir, INDEX_FILES.manifest);
  refuseDamaged(indexDir, INDEX_FILES.manifest, findManifestProblem(manifestJson));
  const manifest = manifestJson as IndexManifest;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    throw new IndexLoadError(
      'index_incompatible',
      `The index at ${indexDir} was built with format ${manifest.formatVersion} / analyzer ${manifest.analyzerVersion}; ` +
        `this server needs format ${INDEX_FORMAT_VERSION} / analyzer ${ANALYZER_VERSION}. Rebuild it with: npm run index -- --index ${indexDir}`,
    );
  }
  // The term index file is read while the documents are parsed; a problem with it is reported after theirs.
  const termFile = readTermIndexFile(indexDir);
  termFile.catch(() => {});
  const documentList = await readDocumentStore(indexDir, slices);
  const { fd, layout } = await openTextsFile(indexDir, documentList);
  const texts = readDocumentTexts(fd, layout, documentList);
  const terms = await parseTermIndexFile(indexDir, await termFile, slices);
  const index = await assembleInSlices(manifest, documentList, terms, texts, slices);
  if (index.entries.length !== terms.passageCount) {
    throw new IndexLoadError('index_corrupt', `The index in ${indexDir} is inconsistent (${index.entries.length} stored passages, ${terms.passageCount} indexed). Rebuild it with: npm run index -- --index ${indexDir}`);
  }
  return index;
}

const emptyIndex = (manifest: IndexManifest, terms: TermIndex, texts: DocumentTexts): LoadedIndex => ({ manifest, terms, entries: [], documents: new Map(), passages: new Map(), sourceNames: new Map(), texts });

function addDocument(index: LoadedIndex, document: DocumentRecord): void {
  index.documents.set(document.id, document);
  index.sourceNames.set(document.source, document.sourceName);
  for (const passage of document.passages) {
    const entry = { passage, document };
    index.passages.set(passage.id, entry);
    index.entries.push(entry);
  }
}

/** Puts the parts of an index held in memory together (texts included), with the lookups the server needs. */
export function assembleLoadedIndex(manifest: IndexManifest, documentList: readonly StoredDocument[], terms: TermIndex): LoadedIndex {
  const index = emptyIndex(manifest, terms, keepDocumentTexts(new Map(documentList.map((document) => [document.id, document.text]))));
  for (const document of documentList) addDocument(index, toDocumentRecord(document));
  return index;
}

async function assembleInSlices(manifest: IndexManifest, documentList: readonly DocumentRecord[], terms: TermIndex, texts: DocumentTexts, slices: WorkSlices): Promise<LoadedIndex> {
  const index = emptyIndex(manifest, terms, texts);
  for (const document of documentList) {
    addDocument(index, document);
    if (slices.due()) await slices.pause();
  }
  return index;
}
