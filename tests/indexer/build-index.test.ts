import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build-index.ts';
import { INDEX_FILES, type IndexManifest, type StoredDocument } from '../../indexer/index/index-format.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, SEED_CORPUS, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
beforeEach(async () => {
  temp = await makeTempFolder();
});
afterEach(async () => {
  await temp.remove();
});

async function readDocuments(indexDir: string): Promise<StoredDocument[]> {
  return JSON.parse(await readFile(join(indexDir, INDEX_FILES.documents), 'utf8')) as StoredDocument[];
}

describe('buildIndex', () => {
  it('labels documents from the catalog, and by themselves when the catalog does not name them', async () => {
    const { indexDir, report } = await buildTempIndex(FIXTURE_CORPUS, temp);
    expect(report).toMatchObject({ filesRead: 3, documents: 3, skipped: [] });
    const labels = (await readDocuments(indexDir)).map(({ path, title, source, sourceName }) => ({ path, title, source, sourceName }));
    expect(labels).toEqual([
      { path: 'press/coalition-meeting.txt', title: 'Coalition ministers meet in Brussels', source: 'press', sourceName: 'Press Office' },
      { path: 'press/cooperation.txt', title: 'Only more international cooperation is successful', source: 'press', sourceName: 'Press Office' },
      { path: 'transcripts/briefing.txt', title: 'Thank you so much, and good morning, everyone', source: 'transcripts', sourceName: 'transcripts' },
    ]);
  });

  it('keeps passages whose offsets point at their words, with the transcript speakers', async () => {
    const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
    const briefing = (await readDocuments(indexDir)).find((document) => document.path === 'transcripts/briefing.txt')!;
    expect(briefing.passages.map((p) => p.speaker)).toEqual(['SECRETARY BLINKEN', 'FOREIGN MINISTER WILMES']);
    expect(briefing.text.slice(briefing.passages[1]!.start, briefing.passages[1]!.end)).toMatch(/^FOREIGN MINISTER WILMES: {2}Thank you, Antony\..*show it again\.$/s);
  });

  it('leaves the site chrome out of the document text', async () => {
    const { indexDir } = await buildTempIndex(SEED_CORPUS, temp);
    for (const document of await readDocuments(indexDir)) {
      expect(document.text).not.toMatch(/official website of the United States|\.gov website|Last updated on|News Type|Lessons of 1989/);
    }
  });

  it('gives the same ids to documents and passages when an unchanged corpus is rebuilt', async () => {
    const first = await readDocuments((await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir);
    const second = await readDocuments((await buildTempIndex(FIXTURE_CORPUS, temp)).indexDir);
    expect(second.map((d) => [d.id, d.passages.map((p) => p.id)])).toEqual(first.map((d) => [d.id, d.passages.map((p) => p.id)]));
    for (const document of first) {
      expect(document.id).toMatch(/^[0-9a-f]{16}$/);
      for (const passage of document.passages) expect(encodeURIComponent(passage.id)).toBe(passage.id);
    }
  });

  it('reports and skips bad files, indexing the rest', async () => {
    const corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
    await mkdir(join(corpusDir, 'bad'));
    await writeFile(join(corpusDir, 'bad/empty.txt'), '');
    await writeFile(join(corpusDir, 'bad/binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await writeFile(join(corpusDir, 'bad/latin1.txt'), Buffer.from('Wilm\xe8s', 'latin1'));
    await writeFile(join(corpusDir, 'bad/only-chrome.txt'), 'Official websites use .gov\n\n1. News Type\n');
    await writeFile(join(corpusDir, 'bad/scan.pdf'), '%PDF-1.4');
    const { report, problems } = await buildTempIndex(corpusDir, temp);
    expect(report.documents).toBe(3);
    expect(report.skipped).toEqual([
      { path: 'bad/binary.txt', reason: 'binary file (contains NUL bytes)' },
      { path: 'bad/empty.txt', reason: 'empty file' },
      { path: 'bad/latin1.txt', reason: 'not valid UTF-8 text (re-save it as UTF-8)' },
      { path: 'bad/only-chrome.txt', reason: 'no text left to index (empty, or only site chrome)' },
      { path: 'bad/scan.pdf', reason: 'unsupported format ".pdf" (supported: .txt, .md)' },
    ]);
    expect(problems).toHaveLength(5);
  });

  it('reports a broken catalog and still labels documents by themselves', async () => {
    const corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
    await writeFile(join(corpusDir, 'catalog.json'), '{ "sources": ');
    const { report, indexDir } = await buildTempIndex(corpusDir, temp);
    expect(report.warnings).toEqual([expect.stringMatching(/^catalog\.json is not valid JSON/)]);
    expect((await readDocuments(indexDir)).map((d) => d.sourceName)).toEqual(['press', 'press', 'transcripts']);
  });

  it('leaves the previous index in place when a build fails, and no staging folder behind', async () => {
    const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
    const before = await readFile(join(indexDir, INDEX_FILES.manifest), 'utf8');
    await expect(buildIndex({ corpusDir: join(temp.path, 'no-such-corpus'), indexDir })).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(indexDir, INDEX_FILES.manifest), 'utf8')).toBe(before);
    expect((await readdir(temp.path)).sort()).toEqual(['index']);
  });

  it('records each file with its content hash in the manifest', async () => {
    const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
    const manifest = JSON.parse(await readFile(join(indexDir, INDEX_FILES.manifest), 'utf8')) as IndexManifest;
    expect(manifest.files.map((file) => file.path)).toEqual(['press/coalition-meeting.txt', 'press/cooperation.txt', 'transcripts/briefing.txt']);
    for (const file of manifest.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.passageCount).toBe((await readDocuments(indexDir)).reduce((sum, d) => sum + d.passages.length, 0));
  });
});
