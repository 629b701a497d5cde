import { describe, expect, it } from 'vitest';
import { readTray, type TrayItem } from '../../client/src/tray/tray-store.ts';

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
