import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../indexer/build/build-index.ts';
import type { StoredDocument } from '../../indexer/index/index-format.ts';
import { formatBuildReport } from '../../indexer/format-build-report.ts';
import { buildTempIndex, makeTempFolder, readDocuments, type TempFolder } from '../support/fixture-index.ts';
import { makeDocx } from '../support/make-docx.ts';
import { makePdf } from '../support/make-pdf.ts';

let temp: TempFolder;
let documents: Map<string, StoredDocument>;
let report: BuildReport;

const BODY = 'The ministers of the coalition met and agreed to keep funding the stabilization of the region for another year.';

/** One file per place a date can come from, and files where two places disagree. */
const FILES: Record<string, string> = {
  'catalog.json': JSON.stringify({ documents: { 'press/2019-01-01-cataloged.md': { date: '2018-05-05' } } }),
  // The catalog beats front matter and the path.
  'press/2019-01-01-cataloged.md': `---\ndate: 2017-03-03\n---\n# Cataloged\n\n${BODY}`,
  // Front matter beats the path and the text.
  'press/2019-02-02-declared.md': `---\ndate: 2016-04-04\n---\n# Declared\n\nWASHINGTON, March 30, 2021 — ${BODY}`,
  'press/declared.html': `<html><head><title>Page</title><meta property="article:published_time" content="2015-06-07T10:00:00Z"></head><body><main><p>${BODY}</p></main></body></html>`,
  // The path beats the text: a date in a folder run and in the file name.
  'speeches/2021/03/30/remarks.txt': `Remarks\n\nJune 1, 2020\n\n${BODY}`,
  'speeches/statement_20200115.txt': `Statement\n\n${BODY}`,
  'theodore_roosevelt/1908_theodore_roosevelt_r.txt': `To the Senate and House of Representatives: FINANCES. During the period from July 1, 1901, to September 30, 1908, there was an increase. ${BODY}`,
  // Only the text: a dateline counts, a mention does not.
  'press/dateline.txt': `Coalition statement\n\nBRUSSELS, 2 April 2021 — ${BODY}`,
  'press/mention.txt': `Coalition statement\n\n${BODY} The treaty of 4 April 2008 still holds.`,
};

beforeAll(async () => {
  temp = await makeTempFolder();
  const corpusDir = join(temp.path, 'corpus');
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(corpusDir, path)), { recursive: true });
    await writeFile(join(corpusDir, path), text);
  }
  const page = [['Report on the coalition'], [BODY], ['Published on 15 January 2021 by the ministry.']];
  await writeFile(join(corpusDir, 'press/report.pdf'), await makePdf([page], { created: new Date(Date.UTC(2014, 6, 8, 12)) }));
  await writeFile(join(corpusDir, 'press/note.docx'), await makeDocx([{ text: 'Note', heading: true }, { text: `On 2 February 2021, ${BODY}` }], { title: 'Note on the coalition', created: '2013-09-10T08:00:00Z' }));
  const built = await buildTempIndex(corpusDir, temp);
  report = built.report;
  documents = new Map((await readDocuments(built.indexDir)).map((document) => [document.path, document]));
});
afterAll(async () => {
  await temp.remove();
});

const dateOf = (path: string) => {
  const { date, dateSource } = documents.get(path)!;
  return { date, dateSource };
};

describe('where a document’s date comes from', () => {
  it.each([
    ['press/2019-01-01-cataloged.md', '2018-05-05', 'catalog'],
    ['press/2019-02-02-declared.md', '2016-04-04', 'declared'],
    ['press/declared.html', '2015-06-07', 'declared'],
    ['press/report.pdf', '2014-07-08', 'declared'],
    ['press/note.docx', '2013-09-10', 'declared'],
    ['speeches/2021/03/30/remarks.txt', '2021-03-30', 'path'],
    ['speeches/statement_20200115.txt', '2020-01-15', 'path'],
    ['theodore_roosevelt/1908_theodore_roosevelt_r.txt', '1908', 'path'],
    ['press/dateline.txt', '2021-04-02', 'text'],
  ])('dates %s to %s from the %s', (path, date, dateSource) => {
    expect(dateOf(path)).toEqual({ date, dateSource });
  });

  it('leaves a document undated when its text only mentions a date', () => {
    expect(dateOf('press/mention.txt')).toEqual({ date: undefined, dateSource: undefined });
  });

  it('takes the title Word declares', () => {
    expect(documents.get('press/note.docx')!.title).toBe('Note on the coalition');
  });

  it('reports how many dates came from each place, and names the undated documents', () => {
    expect(report.dates).toEqual({ catalog: 1, declared: 4, path: 3, text: 1, undated: ['press/mention.txt'] });
    const printed = formatBuildReport(report, 'index');
    expect(printed).toContain('  dates: 9 of 10 documents dated (1 from the catalog, 4 from the files’ metadata, 3 from the path, 1 from the text); 1 undated');
    expect(printed).toContain('  undated press/mention.txt');
  });
});
