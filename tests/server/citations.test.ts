import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassageResponse, SearchResponse } from '../../server/api/types.ts';
import { buildCitation } from '../../server/citation/build-citation.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder } from '../support/fixture-index.ts';
import { buildMemoryIndex, fixtureDocumentId, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(ARCHIVE));
});
afterAll(() => server?.close());

const briefing = fixtureDocumentId('transcripts/2021-03-24-briefing.txt');
const note = fixtureDocumentId('press/undated-note.txt');

describe('citations', () => {
  it('cite a transcript passage with its speaker, date, page, original address and a permalink', async () => {
    const { status, body } = await server.get<PassageResponse>(`/api/passages/${briefing}-p1`);
    expect(status).toBe(200);
    const permalink = `${server.url}/?doc=${briefing}&passage=${briefing}-p1`;
    expect(body).toMatchObject({
      id: `${briefing}-p1`,
      docId: briefing,
      speaker: 'FOREIGN MINISTER WILMES',
      page: 2,
      date: '2021-03-24',
      lang: 'en',
      text: 'Thank you, Antony. Belgium and the United States share a long friendship. The pandemic has not stopped our cooperation.',
    });
    expect(body.citation).toEqual({
      title: 'Joint press availability in Brussels',
      source: 'Transcripts',
      sourceId: 'transcripts',
      speaker: 'FOREIGN MINISTER WILMES',
      speakerName: 'Foreign Minister Wilmes',
      date: '2021-03-24',
      url: 'https://transcripts.example/briefing',
      permalink,
      page: 2,
      formatted: {
        text: 'Foreign Minister Wilmes, “Joint press availability in Brussels”, Transcripts, 24 March 2021, p. 2. https://transcripts.example/briefing',
        markdown: `Foreign Minister Wilmes, [Joint press availability in Brussels](https://transcripts.example/briefing), Transcripts, 24 March 2021, p. 2 ([passage](${permalink}))`,
        apa: 'Transcripts. (2021, March 24). Joint press availability in Brussels [Remarks by Foreign Minister Wilmes] (p. 2). https://transcripts.example/briefing',
      },
    });
  });

  it('cite a passage whose document has no date or address with n.d. and the permalink', async () => {
    const { body } = await server.get<PassageResponse>(`/api/passages/${note}-p0`);
    const permalink = `${server.url}/?doc=${note}&passage=${note}-p0`;
    expect(body.citation.formatted).toEqual({
      text: `“A note without a date”, Press Office. ${permalink}`,
      markdown: `[A note without a date](${permalink}), Press Office`,
      apa: `Press Office. (n.d.). A note without a date. ${permalink}`,
    });
    expect(body.citation).not.toHaveProperty('date');
  });

  it('come with every search hit, equal to the passage endpoint’s', async () => {
    const search = (await server.get<SearchResponse>('/api/search?q=pandemic')).body;
    const passage = (await server.get<PassageResponse>(`/api/passages/${search.hits[0]!.id}`)).body;
    expect(search.hits[0]!.citation).toEqual(passage.citation);
  });

  it('escape Markdown in titles so a title cannot break the link', () => {
    const index = buildMemoryIndex([{ path: 'x/a.txt', title: 'The [draft] *budget*', source: 'x', passages: [{ text: 'Budget.' }] }]);
    const citation = buildCitation([...index.passages.values()][0]!, 'http://h');
    expect(citation.formatted.markdown).toBe(`[The \\[draft\\] \\*budget\\*](${citation.permalink}), x`);
  });

  it('keep their permalinks across rebuilds of an unchanged archive', () => {
    const citationsOf = () => [...buildMemoryIndex(ARCHIVE).passages.values()].map((entry) => buildCitation(entry, 'http://h').permalink);
    expect(citationsOf()).toEqual(citationsOf());
    // Adding a document does not move the others' links.
    const grown = buildMemoryIndex([{ path: 'aaa/first.txt', title: 'New', source: 'aaa', passages: [{ text: 'New.' }] }, ...ARCHIVE]);
    const grownLinks = new Set([...grown.passages.values()].map((entry) => buildCitation(entry, 'http://h').permalink));
    for (const link of citationsOf()) expect(grownLinks.has(link)).toBe(true);
  });

  it('answer 404 for an unknown passage and 400 for a malformed id or a parameter', async () => {
    expect(await server.get(`/api/passages/${briefing}-p99`)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await server.get('/api/passages/nope')).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } });
    expect(await server.get(`/api/passages/${briefing}-p1?q=x`)).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter', message: 'Unknown parameter "q": this endpoint takes none' } } });
  });
});

describe('citations of a corpus indexed twice', () => {
  it('keep every permalink when the indexer rebuilds an unchanged corpus', async () => {
    const links = async () => {
      const temp = await makeTempFolder();
      try {
        const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
        return [...(await loadIndex(indexDir)).passages.values()].map((entry) => buildCitation(entry, 'http://h').permalink).sort();
      } finally {
        await temp.remove();
      }
    };
    const first = await links();
    expect(first.length).toBeGreaterThan(0);
    expect(await links()).toEqual(first);
  });
});
