import { describe, expect, it } from 'vitest';
import { findRecurringLines } from '../../indexer/clean/find-recurring-lines.ts';
import { stripSiteChrome } from '../../indexer/clean/strip-site-chrome.ts';
import { formatSpeakerName } from '../../indexer/document/format-speaker-name.ts';
import { detectLanguage } from '../../indexer/metadata/detect-language.ts';
import { findDate, normalizeDate } from '../../indexer/metadata/find-date.ts';

describe('findDate', () => {
  it.each([
    ['On March 30, 2021, Minister Sophie Wilmès co-chaired a meeting.', '2021-03-30'],
    ['Washington, Sept. 4th, 2019 — The Secretary met', '2019-09-04'],
    ['Le 1er avril 2021, la ministre a présidé la réunion.', '2021-04-01'],
    ['Op 30 maart 2021 heeft de minister het kantoor geopend.', '2021-03-30'],
    ['Published 2020-12-01 by the press office', '2020-12-01'],
    ['Brussels, 15 January 2021', '2021-01-15'],
  ])('finds the date written in "%s"', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it.each([
    ['In 2021 the coalition met twice.'],
    ['February 30, 2021 is not a day.'],
    ['We may 5 times have said it.'],
  ])('finds no date in "%s"', (text) => {
    expect(findDate(text)).toBeUndefined();
  });

  it('looks only near the start of the text', () => {
    expect(findDate(`${'word '.repeat(200)}On March 30, 2021, they met.`)).toBeUndefined();
  });

  it.each([
    [1790, '1790'],
    ['2021-03-30T14:00:00+02:00', '2021-03-30'],
    ['2021-03', '2021-03'],
    ['March 30, 2021', '2021-03-30'],
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

describe('formatSpeakerName', () => {
  it.each([
    ['FOREIGN MINISTER WILMES', 'Foreign Minister Wilmes'],
    ['SECRETARY BLINKEN', 'Secretary Blinken'],
    ["MR. O'BRIEN", "Mr. O'Brien"],
    ['U.S. TRADE REPRESENTATIVE', 'U.S. Trade Representative'],
    ['MINISTER OF FOREIGN AFFAIRS', 'Minister of Foreign Affairs'],
    ['QUESTION', 'Question'],
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
