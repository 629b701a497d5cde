import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../indexer/build/build-index.ts';
import { INDEX_FILES, type IndexManifest, type StoredDocument } from '../../indexer/index/index-format.ts';
import { buildTempIndex, copyCorpus, FORMATS_CORPUS, makeTempFolder, readDocuments, type TempFolder } from '../support/fixture-index.ts';
import { makeDocx } from '../support/make-docx.ts';
import { makePdf } from '../support/make-pdf.ts';

let temp: TempFolder;
let report: BuildReport;
let documents: Map<string, StoredDocument>;
let manifest: IndexManifest;

const RUNNING_HEADER = 'Ministry of Examples — Annual report 2020';
/** About 130 words on one topic: more than a passage's target, so each page is a passage of its own. */
const paragraph = (topic: string) => Array.from({ length: 10 }, (_, i) => `Line ${i + 1} of the part on ${topic} is a line that a reader may quote.`);

beforeAll(async () => {
  temp = await makeTempFolder();
  const corpusDir = await copyCorpus(FORMATS_CORPUS, temp);
  await mkdir(join(corpusDir, 'papers'));
  // Three pages, each with a running header and a page number that are not part of the text.
  const pages = ['stabilization', 'demining', 'cooperation'].map((topic, i) => [[RUNNING_HEADER], paragraph(topic), [`Page ${i + 1} of 3`]]);
  pages[0]!.splice(1, 0, ['Annual report on the coalition'], ['Published on 15 January 2021 by the ministry.']);
  await writeFile(join(corpusDir, 'papers/annual-report.pdf'), await makePdf(pages, { title: 'Microsoft Word - report.docx' }));
  const docx = await makeDocx([
    { text: 'Note on the demining programme', heading: true },
    { text: 'On 2 February 2021, the ministry reviewed the demining programme in the north-east.' },
    { text: 'SECRETARY BLINKEN:  We support the programme.' },
    { text: 'FOREIGN MINISTER WILMES:  So do we, and we will fund it.' },
  ]);
  await writeFile(join(corpusDir, 'papers/note.docx'), docx);
  ({ report } = await buildTempIndex(corpusDir, temp).then(async (built) => {
    documents = new Map((await readDocuments(built.indexDir)).map((document) => [document.path, document]));
    manifest = JSON.parse(await readFile(join(built.indexDir, INDEX_FILES.manifest), 'utf8')) as IndexManifest;
    return built;
  }));
});
afterAll(async () => {
  await temp.remove();
});

const doc = (path: string) => {
  const document = documents.get(path);
  if (!document) throw new Error(`no document ${path} in ${[...documents.keys()].join(', ')}`);
  return document;
};
const passageTexts = (document: StoredDocument) => document.passages.map((p) => document.text.slice(p.start, p.end));

describe('reading every supported format', () => {
  it('indexes one document per file, and one per record of a JSON file, skipping nothing', () => {
    expect(report.skipped).toEqual([]);
    expect([...documents.keys()].sort()).toEqual([
      'exports/records.jsonl#wire-1',
      'exports/records.jsonl#wire-2',
      'exports/single.json#1',
      'papers/annual-report.pdf',
      'papers/note.docx',
      'press/communique.html',
      'press/persbericht.txt',
      'press/statement.md',
      'transcripts/interview.txt',
    ]);
  });

  it('records in the manifest each file with its hash and every document it gave', () => {
    const records = manifest.files.find((file) => file.path === 'exports/records.jsonl')!;
    expect(records.documentIds).toEqual([doc('exports/records.jsonl#wire-1').id, doc('exports/records.jsonl#wire-2').id]);
    expect(records.docId).toBe(records.documentIds![0]);
    const pdf = manifest.files.find((file) => file.path === 'papers/annual-report.pdf')!;
    expect(pdf).toEqual({ path: 'papers/annual-report.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), docId: doc('papers/annual-report.pdf').id });
  });

  it('labels each document from the catalog first, then what the file declares, then its text', () => {
    const labels = [...documents.values()].map(({ path, title, source, sourceName, date, lang, url }) => ({ path, title, source, sourceName, date, lang, url }));
    expect(labels.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'exports/records.jsonl#wire-1', title: 'Coalition ministers meet', source: 'wire', sourceName: 'News Wire', date: '2021-03-30', lang: 'en', url: 'https://example.org/wire-1' },
      { path: 'exports/records.jsonl#wire-2', title: 'Document (wire-2)', source: 'wire', sourceName: 'News Wire', date: undefined, lang: undefined, url: undefined },
      { path: 'exports/single.json#1', title: 'A record without id', source: 'exports', sourceName: 'exports', date: '1790', lang: 'en', url: undefined },
      { path: 'papers/annual-report.pdf', title: 'Annual report on the coalition', source: 'papers', sourceName: 'papers', date: '2021-01-15', lang: 'en', url: undefined },
      { path: 'papers/note.docx', title: 'Note on the demining programme', source: 'papers', sourceName: 'papers', date: '2021-02-02', lang: 'en', url: undefined },
      { path: 'press/communique.html', title: 'Réunion de la coalition', source: 'press', sourceName: 'Press Office', date: '2021-03-30', lang: 'fr', url: 'https://example.org/fr/reunion-coalition' },
      { path: 'press/persbericht.txt', title: 'Minister opent het nieuwe kantoor', source: 'press', sourceName: 'Press Office', date: '2021-03-30', lang: 'nl', url: undefined },
      { path: 'press/statement.md', title: 'Statement on the coalition (catalog title)', source: 'press', sourceName: 'Press Office', date: '2021-04-02', lang: 'en', url: 'https://example.org/statement' },
      { path: 'transcripts/interview.txt', title: 'Transcript (interview)', source: 'transcripts', sourceName: 'transcripts', date: undefined, lang: 'en', url: undefined },
    ]);
  });

  it('keeps the main text of a web page without its navigation, header, footer, scripts and styles', () => {
    const { text } = doc('press/communique.html');
    expect(text).toBe(
      'Réunion de la coalition\n\n' +
        'La ministre a coprésidé une réunion virtuelle de la coalition internationale. Les ministres ont réaffirmé leur soutien aux efforts de stabilisation en Irak et en Syrie.\n\n' +
        'La Belgique a déployé quatre F-16 et finance le déminage depuis 2016. «\u00A0Nous devons rester prudents\u00A0», a déclaré la ministre.',
    );
  });

  it('shows Markdown as the text a reader sees, without its markup', () => {
    const { text } = doc('press/statement.md');
    expect(text).toMatch(/^Statement on the coalition\n\nThe ministers of the coalition met on Friday\./);
    expect(text).toContain('the demining programme.');
    expect(text).not.toMatch(/[#*[\]()]|https?:/);
  });

  it('keeps the page of each PDF passage, and leaves out running headers and page numbers', () => {
    const pdf = doc('papers/annual-report.pdf');
    expect(pdf.text).not.toContain('Ministry of Examples');
    expect(pdf.text).not.toMatch(/Page \d of 3/);
    expect(pdf.text.split('\n\n').slice(0, 2)).toEqual(['Annual report on the coalition', 'Published on 15 January 2021 by the ministry.']);
    expect(pdf.passages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(passageTexts(pdf).map((text) => /part on (\w+)/.exec(text)?.[1])).toEqual(['stabilization', 'demining', 'cooperation']);
  });

  it('reads a Word file paragraph by paragraph, with its speakers', () => {
    const docx = doc('papers/note.docx');
    expect(docx.passages.map((p) => [p.speaker, p.speakerName])).toEqual([
      [undefined, undefined],
      ['SECRETARY BLINKEN', 'Secretary Blinken'],
      ['FOREIGN MINISTER WILMES', 'Foreign Minister Wilmes'],
    ]);
    expect(passageTexts(docx)[2]).toBe('FOREIGN MINISTER WILMES:  So do we, and we will fund it.');
  });

  it('gives every passage offsets that point at its own words in the document text', () => {
    for (const document of documents.values()) {
      let previousEnd = 0;
      for (const passage of document.passages) {
        expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
        expect(passage.end).toBeLessThanOrEqual(document.text.length);
        expect(document.text.slice(passage.start, passage.end).trim()).toBe(document.text.slice(passage.start, passage.end));
        previousEnd = passage.end;
      }
    }
  });

  it('never lets a passage span two speakers in a transcript', () => {
    const interview = doc('transcripts/interview.txt');
    expect(interview.passages.map((p) => p.speaker)).toEqual(['QUESTION', 'FOREIGN MINISTER WILMES', 'QUESTION', 'FOREIGN MINISTER WILMES']);
    for (const text of passageTexts(interview)) expect(text.match(/^[A-Z ]+:/gm)).toHaveLength(1);
  });
});
