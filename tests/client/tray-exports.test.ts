import { describe, expect, it } from 'vitest';
import { formatTrayBibtex } from '../../client/src/tray/export-bibtex.ts';
import { formatTrayCsv } from '../../client/src/tray/export-csv.ts';
import { formatTrayRis } from '../../client/src/tray/export-ris.ts';
import { formatCollection, formatCollectionMarkdown } from '../../client/src/tray/format-collection.ts';
import { readTray, type TrayItem } from '../../client/src/tray/tray-store.ts';

const ORIGIN = 'https://passim.example';

const speech: TrayItem = {
  id: '02181563e802a78d-p3',
  docId: '02181563e802a78d',
  text: 'I will be pleased to co-host, with you, the next "D-ISIS" meeting.\nThank you.',
  title: 'Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability',
  source: 'state.gov',
  sourceName: 'U.S. Department of State',
  speaker: 'FOREIGN MINISTER WILMES',
  date: '2021-03-24',
  url: 'https://www.state.gov/joint-press-availability/',
  note: 'Use in section 2 & the {intro}',
  addedAt: '2026-11-23T09:00:00.000Z',
  query: 'coalition',
};

const release: TrayItem = {
  id: 'cb242656d290b756-p0',
  docId: 'cb242656d290b756',
  text: 'Only more international cooperation is successful',
  title: 'Only more international cooperation is successful',
  source: 'diplomatie.belgium.be',
  sourceName: 'Belgian Foreign Affairs',
  note: '',
  addedAt: '2026-11-23T09:01:00.000Z',
};

describe('exporting the clipboard tray', () => {
  it('writes CSV with a header, quotes fields that need it, and ends rows with CRLF', () => {
    const csv = formatTrayCsv([speech, release], ORIGIN);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('title,source,speaker,date,quote,note,passage_link,original_link,collected_at');
    expect(csv).toContain('"I will be pleased to co-host, with you, the next ""D-ISIS"" meeting.\nThank you."');
    expect(lines.at(-1)).toBe('');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`${ORIGIN}/?doc=cb242656d290b756&passage=cb242656d290b756-p0`);
  });

  it('defuses a field a spreadsheet would run as a formula', () => {
    const csv = formatTrayCsv([{ ...release, note: '=HYPERLINK("x")' }], ORIGIN);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes one RIS record per passage, each value on one line, the original with its text fragment as URL', () => {
    const ris = formatTrayRis([speech, release], ORIGIN);
    const records = ris.split('ER  -').filter((record) => record.trim() !== '');
    expect(records).toHaveLength(2);
    expect(ris).toContain('TY  - ELEC\r\nTI  - Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability\r\n');
    expect(ris).toContain('A2  - Foreign Minister Wilmes\r\n');
    expect(ris).toContain('DA  - 2021/03/24/\r\n');
    expect(ris).toMatch(/UR {2}- https:\/\/www\.state\.gov\/joint-press-availability\/#:~:text=I%20will%20be%20pleased%20to,next%20%22D%2DISIS%22%20meeting\.%20Thank%20you\.\r\n/);
    expect(ris).toContain('N1  - “I will be pleased to co-host, with you, the next "D-ISIS" meeting. Thank you.”\r\n');
    expect(ris).toContain(`TY  - GEN\r\nTI  - Only more international cooperation is successful`);
    expect(ris).toContain(`UR  - ${ORIGIN}/?doc=cb242656d290b756&passage=cb242656d290b756-p0`);
  });

  it('writes BibTeX @misc entries with unique keys and LaTeX characters escaped', () => {
    const bib = formatTrayBibtex([speech, { ...speech, id: 'x-p1' }, release], ORIGIN);
    expect(bib.match(/@misc\{[^,]+,/g)).toEqual([
      '@misc{stategov2021secretary,',
      '@misc{stategov2021secretaryb,',
      '@misc{diplomatiebelgiumbeonly,',
    ]);
    expect(bib).toContain('  author = {{U.S. Department of State}},');
    expect(bib).toContain('  date = {2021-03-24},');
    expect(bib).toContain('Use in section 2 \\& the \\{intro\\}');
  });

  it('copies all as text with notes, as a Markdown document, or as APA quotations followed by a sorted reference list', () => {
    const text = formatCollection([speech, release], ORIGIN, 'text');
    expect(text).toContain('\n\nNote: Use in section 2 & the {intro}\n\n“Only more international cooperation is successful”');
    expect(formatCollectionMarkdown([speech, release], ORIGIN)).toMatch(/^# Passages collected in Passim\n\n> I will be pleased/);
    const apa = formatCollection([speech, release, speech], ORIGIN, 'apa');
    const [, references] = apa.split('\n\nReferences\n\n');
    expect(references!.split('\n')).toEqual([
      `Belgian Foreign Affairs. (n.d.). Only more international cooperation is successful. ${ORIGIN}/?doc=cb242656d290b756&passage=cb242656d290b756-p0`,
      'U.S. Department of State. (2021, March 24). Secretary Blinken and Belgian Foreign Minister Wilmès at a joint press availability [Remarks by Foreign Minister Wilmes]. https://www.state.gov/joint-press-availability/',
    ]);
  });
});

describe('reading the stored tray', () => {
  it('keeps well-formed items once each and drops what a citation could not be made from', () => {
    const stored: unknown = [speech, { ...speech }, { id: 'broken' }, 'text', null, { ...release, note: 7, page: 3 }];
    expect(readTray(stored)).toEqual([speech, { ...release, note: '', page: 3 }]);
  });

  it('starts empty when storage holds something else', () => {
    expect(readTray(undefined)).toEqual([]);
    expect(readTray({ items: [] })).toEqual([]);
  });
});
