import { describe, expect, it } from 'vitest';
import { findRecurringLines } from '../../indexer/clean/find-recurring-lines.ts';
import { stripSiteChrome } from '../../indexer/clean/strip-site-chrome.ts';
import { formatSpeakerName } from '../../indexer/document/format-speaker-name.ts';
import { titleCaseWord } from '../../indexer/document/title-case-word.ts';
import { detectLanguage } from '../../indexer/metadata/detect-language.ts';
import { inferAuthor } from '../../indexer/document/infer-author.ts';
import { describeTitle, findHeadingTitle, findOpeningKind } from '../../indexer/document/infer-title.ts';
import { pickDate } from '../../indexer/document/build-document.ts';
import { findOwnDate, normalizeDate } from '../../indexer/metadata/find-date.ts';
import { findPathDate } from '../../indexer/metadata/find-path-date.ts';

describe('findOwnDate', () => {
  it.each([
    ['On March 30, 2021, Minister Sophie Wilmès co-chaired a meeting.', '2021-03-30'],
    ['Washington, Sept. 4th, 2019 — The Secretary met', '2019-09-04'],
    ['Le 1er avril 2021, la ministre a présidé la réunion.', '2021-04-01'],
    ['Op 30 maart 2021 heeft de minister het kantoor geopend.', '2021-03-30'],
    ['Published 2020-12-01 by the press office', '2020-12-01'],
    ['Brussels, 15 January 2021', '2021-01-15'],
    ['WASHINGTON, D.C., March 30, 2021 – The Secretary met', '2021-03-30'],
    ['Remarks to the press\n\nMarch 30, 2021\n\nGood morning.', '2021-03-30'],
    ['Released on March 3, 2021\nThe office said', '2021-03-03'],
    ['Monday, March 29, 2021\nThe office said', '2021-03-29'],
    ['Publié le 2 avril 2021 — La ministre', '2021-04-02'],
  ])('finds the document’s own date in "%s"', (text, date) => {
    expect(findOwnDate(text)).toBe(date);
  });

  it.each([
    ['In 2021 the coalition met twice.'],
    ['February 30, 2021 is not a day.'],
    ['We may 5 times have said it.'],
    // Theodore Roosevelt's 1908 address: a period it talks about, not its date.
    ['To the Senate and House of Representatives: FINANCES. The financial standing of the Nation is excellent. During the period from July 1, 1901, to September 30, 1908, there was an increase.'],
    // Taft's 1909 address: a treaty's date inside a sentence.
    [' The relations of the United States with all foreign governments have continued. EUROPE. Pursuant to the provisions of the general treaty of arbitration concluded between the United States and Great Britain, April 4, 1908, a special agreement was entered into.'],
    ['The ministers met, 15 January 2021, in Brussels.'],
  ])('takes no date mentioned in a sentence: "%s"', (text) => {
    expect(findOwnDate(text)).toBeUndefined();
  });

  it('looks only near the start of the text', () => {
    expect(findOwnDate(`${'word '.repeat(200)}\nOn March 30, 2021, they met.`)).toBeUndefined();
  });
});

describe('findPathDate', () => {
  it.each([
    ['abraham_lincoln/1861_abraham_lincoln_r.txt', '1861'],
    ['press/2021-03-30-remarks.html', '2021-03-30'],
    ['press/2021/03/30/remarks.html', '2021-03-30'],
    ['press/2021/03/remarks.html', '2021-03'],
    ['press/2021/remarks.html', '2021'],
    ['press/2021-03-30/remarks.html', '2021-03-30'],
    ['papers/statement_20210330.pdf', '2021-03-30'],
    ['papers/statement_2021_03_30.pdf', '2021-03-30'],
    ['papers/annual-report-2019.pdf', '2019'],
    ['franklin-d-roosevelt/1941-151.txt', '1941'],
    ['2020/press/2021-03-30-remarks.html', '2021-03-30'],
  ])('dates %s to %s', (path, date) => {
    expect(findPathDate(path)).toBe(date);
  });

  it.each([['diplomatie.belgium.be/000_124a4f5e0135987b.txt'], ['state.gov/001_3502959d6ca97b9f.txt'], ['press/20211330.txt'], ['press/10/notes.txt'], ['press/1234abcd.txt'], ['exports/records.jsonl#2021']])(
    'finds no date in %s',
    (path) => {
      expect(findPathDate(path)).toBeUndefined();
    },
  );
});

describe('pickDate', () => {
  const text = 'WASHINGTON, March 30, 2021 — The Secretary met the minister.';
  it('takes the catalog first, then what the file declares, then the path, then the text', () => {
    expect(pickDate('2020-01-01', '2021-01-01', 'press/2022-02-02-remarks.txt', text)).toEqual({ date: '2020-01-01', dateSource: 'catalog' });
    expect(pickDate(undefined, '2021-01-01', 'press/2022-02-02-remarks.txt', text)).toEqual({ date: '2021-01-01', dateSource: 'declared' });
    expect(pickDate(undefined, undefined, 'press/2022-02-02-remarks.txt', text)).toEqual({ date: '2022-02-02', dateSource: 'path' });
    expect(pickDate(undefined, undefined, 'press/remarks.txt', text)).toEqual({ date: '2021-03-30', dateSource: 'text' });
    expect(pickDate(undefined, undefined, 'press/remarks.txt', 'The Secretary met the minister.')).toBeUndefined();
  });

  it('dates the two addresses of the issue by their paths, not by dates their texts mention', () => {
    expect(pickDate(undefined, undefined, 'theodore_roosevelt/1908_theodore_roosevelt_r.txt', 'To the Senate and House of Representatives: During the period from July 1, 1901, to September 30, 1908.')).toEqual({ date: '1908', dateSource: 'path' });
    expect(pickDate(undefined, undefined, 'william_h_taft/1909_william_h_taft_r.txt', 'Pursuant to the treaty concluded between the United States and Great Britain, April 4, 1908, an agreement.')).toEqual({ date: '1909', dateSource: 'path' });
  });
});

describe('who and what a document is, without a catalog', () => {
  it.each([
    ['abraham_lincoln', { family: 'Lincoln', given: 'Abraham' }],
    ['franklin-d-roosevelt', { family: 'Roosevelt', given: 'Franklin D.' }],
    ['martin_van_buren', { family: 'Van Buren', given: 'Martin' }],
    ['william_mc_kinley', { family: 'McKinley', given: 'William' }],
    ['george_h_w_bush', { family: 'Bush', given: 'George H. W.' }],
    ['martin_luther_king_jr', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['state.gov', { organization: 'U.S. Department of State' }],
    ['press_office', { organization: 'U.S. Department of State' }],
    ['white_house', { organization: 'U.S. Department of State' }],
    ['transcripts', { organization: 'U.S. Department of State' }],
  ])('cites the source folder %s as %j', (folder, author) => {
    expect(inferAuthor(folder, 'U.S. Department of State')).toEqual(author);
  });

  it('takes a heading as the title, never a salutation or opening words', () => {
    expect(findHeadingTitle('Remarks on the coalition\n\nGood morning.')).toBe('Remarks on the coalition');
    expect(findHeadingTitle('Mr. President, Mr. Speaker, Members of the Seventy-seventh Congress: I address you.')).toBeUndefined();
    expect(findHeadingTitle('Fellow-Citizens of the Senate and House of Representatives:\n\nIn the midst of troubles.')).toBeUndefined();
    expect(findHeadingTitle('SECRETARY BLINKEN:  Thank you so much, and good morning, everyone.')).toBeUndefined();
    expect(findHeadingTitle('The ministers of the coalition met by video link and agreed to keep funding stabilization.')).toBeUndefined();
  });

  it('reads a salutation as a speech, to Congress when it addresses Congress', () => {
    expect(findOpeningKind('Mr. President, Mr. Speaker, Members of the Seventy-seventh Congress: I address you')).toEqual({ kind: 'speech', label: 'Address to Congress' });
    expect(findOpeningKind('Ladies and gentlemen, thank you for coming.')).toEqual({ kind: 'speech', label: 'Speech' });
    expect(findOpeningKind('The relations of the United States with all foreign governments')).toBeUndefined();
  });

  it('describes an untitled document by what it is and when', () => {
    expect(describeTitle({ container: 'State of the Union Address', kind: 'speech', date: '1941', fileName: 'x' })).toBe('State of the Union address, 1941');
    expect(describeTitle({ kind: 'press availability', date: '2021-03-24', fileName: 'x' })).toBe('Press availability, 2021-03-24');
    expect(describeTitle({ kind: 'speech', kindLabel: 'Address to Congress', date: '1861', fileName: 'x' })).toBe('Address to Congress, 1861');
    expect(describeTitle({ kind: 'transcript', fileName: 'briefing' })).toBe('Transcript (briefing)');
    expect(describeTitle({ fileName: 'notes' })).toBe('Document (notes)');
  });

  it.each([
    [1790, '1790'],
    ['2021-03-30T14:00:00+02:00', '2021-03-30'],
    ['2021-03', '2021-03'],
    ['March 30, 2021', '2021-03-30'],
    ["D:20210330120000+01'00'", '2021-03-30'],
    ['2021-13-01', undefined],
    ['soon', undefined],
  ])('normalizes the declared date %s', (value, date) => {
    expect(normalizeDate(value)).toBe(date);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['The ministers of the coalition met today and they agreed that the work will go on for the people of the region.', 'en'],
    ['La ministre a présidé la réunion de la coalition et les ministres ont réaffirmé leur soutien pour la stabilisation dans la région.', 'fr'],
    ['De minister heeft het kantoor geopend en zij sprak met de medewerkers over de samenwerking met de partners in de regio.', 'nl'],
    ['Die Minister haben sich getroffen und sind sich einig, dass die Arbeit in der Region weitergehen wird.', 'de'],
  ])('tells the language of "%s"', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says nothing about a text too short to tell', () => {
    expect(detectLanguage('Coalition meeting, Brussels')).toBeUndefined();
  });
});

describe('titleCaseWord, the one title-caser', () => {
  it.each([
    ['WILMES', {}, 'Wilmes'],
    ['wilmes', {}, 'Wilmes'],
    ["O'BRIEN", {}, "O'Brien"],
    ['jean-luc', {}, 'Jean-Luc'],
    ['MCKINLEY', {}, 'McKinley'],
    ['mc', {}, 'Mc'],
    ['machado', {}, 'Machado'],
    ['macarthur', { macPrefix: true }, 'MacArthur'],
    ['émile', {}, 'Émile'],
  ])('writes %s (%o) as %s', (word, options, cased) => {
    expect(titleCaseWord(word, options)).toBe(cased);
  });
});

describe('formatSpeakerName', () => {
  it.each([
    ['FOREIGN MINISTER WILMES', 'Foreign Minister Wilmes'],
    ['SECRETARY BLINKEN', 'Secretary Blinken'],
    ["MR. O'BRIEN", "Mr. O'Brien"],
    ['U.S. TRADE REPRESENTATIVE', 'U.S. Trade Representative'],
    ['MINISTER OF FOREIGN AFFAIRS', 'Minister of Foreign Affairs'],
    ['QUESTION', 'Question'],
    ['SENATOR MCCAIN', 'Senator McCain'],
    ['MINISTER MACHADO', 'Minister Machado'],
    ['PRIME MINISTER JEAN-LUC DEHAENE', 'Prime Minister Jean-Luc Dehaene'],
  ])('shows %s as %s', (label, name) => {
    expect(formatSpeakerName(label)).toBe(name);
  });
});

describe('chrome that recurs across a source', () => {
  const page = (body: string) => `Skip to main content\nHome | News | Contact\n\n${body}\n\nFollow us on social media`;
  const documents = [page('The first statement.'), page('The second statement.'), page('The third statement.'), 'A document without the menu.'];

  it('finds lines repeated in most documents of a source, in their matching form', () => {
    expect(findRecurringLines(documents)).toEqual(new Set(['skip to main content', 'home | news | contact', 'follow us on social media']));
  });

  it('needs at least three documents, and half of them', () => {
    expect(findRecurringLines(documents.slice(0, 2))).toEqual(new Set());
    expect(findRecurringLines([...documents, 'a', 'b', 'c'])).toEqual(new Set());
  });

  it('never takes a speaker turn for chrome, however often it recurs', () => {
    expect(findRecurringLines(['QUESTION:  Thank you.', 'QUESTION:  Thank you.', 'QUESTION:  Thank you.'])).toEqual(new Set());
  });

  it('matches lines whatever their quotes, dashes and spaces', () => {
    const recurring = findRecurringLines(['Minister’s office – Brussels\nA.', "Minister's office - Brussels\nB.", 'Minister’s\u00A0office — Brussels\nC.']);
    expect(stripSiteChrome("Minister's office -  Brussels\nThe text stays.", { recurringLines: recurring })).toBe('The text stays.');
  });
});
