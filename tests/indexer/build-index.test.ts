import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build-index.ts';
import { INDEX_FILES, type IndexManifest } from '../../indexer/index/index-format.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, readDocuments, SEED_CORPUS, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
beforeEach(async () => {
  temp = await makeTempFolder();
});
afterEach(async () => {
  await temp.remove();
});

describe('buildIndex', () => {
  it('labels documents from the catalog, and by themselves when the catalog does not name them', async () => {
    const { indexDir, report } = await buildTempIndex(FIXTURE_CORPUS, temp);
    expect(report).toMatchObject({ filesRead: 3, documents: 3, skipped: [] });
    const labels = (await readDocuments(indexDir)).map(({ path, title, source, sourceName }) => ({ path, title, source, sourceName }));
    expect(labels).toEqual([
      { path: 'press/coalition-meeting.txt', title: 'Coalition ministers meet in Brussels', source: 'press', sourceName: 'Press Office' },
      { path: 'press/cooperation.txt', title: 'Only more international cooperation is successful', source: 'press', sourceName: 'Press Office' },
      { path: 'transcripts/briefing.txt', title: 'Transcript (briefing)', source: 'transcripts', sourceName: 'transcripts' },
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

  it('labels the seed corpus as before, with its date, language and transcript speakers', async () => {
    const documents = await readDocuments((await buildTempIndex(SEED_CORPUS, temp)).indexDir);
    expect(documents.map(({ title, source, date, lang }) => ({ title, source, date, lang }))).toEqual([
      { title: 'Sophie Wilmès chairs the ministerial meeting of the International Coalition against Daesh', source: 'diplomatie.belgium.be', date: '2021-03-30', lang: 'en' },
      { title: 'Only more international cooperation is successful', source: 'diplomatie.belgium.be', date: undefined, lang: 'en' },
      { title: 'Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability', source: 'state.gov', date: undefined, lang: 'en' },
    ]);
    const transcript = documents.find((document) => document.source === 'state.gov')!;
    expect(new Set(transcript.passages.map((p) => p.speaker))).toEqual(new Set(['FOREIGN MINISTER WILMES', 'SECRETARY BLINKEN']));
    expect(new Set(transcript.passages.map((p) => p.speakerName))).toEqual(new Set(['Foreign Minister Wilmes', 'Secretary Blinken']));
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
