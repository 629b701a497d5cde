import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationsResponse, CitedPassage, PassageResponse, SearchResponse } from '../../server/api/types.ts';
import { describeCitation } from '../../server/citation/build-citation.ts';
import type { CitationFacts } from '../../server/citation/citation-facts.ts';
import { buildCslItem } from '../../server/citation/csl-item.ts';
import { loadIndex } from '../../server/index/load-index.ts';
import { rawRequest } from '../reliability/support/http.ts';
import { ARCHIVE } from '../fixtures/search/archive.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder } from '../support/fixture-index.ts';
import { buildMemoryIndex, fixtureDocumentId, serveMemoryIndex, type FixtureDocument, type TestServer } from '../support/memory-index.ts';

/** A speech by a person, in a series, and an undated press release by an organization. */
const CITED: FixtureDocument[] = [
  ...ARCHIVE,
  {
    path: 'franklin_d_roosevelt/1941_franklin_d_roosevelt_d.txt',
    title: 'State of the Union address, 1941',
    titleSource: 'described',
    source: 'franklin_d_roosevelt',
    date: '1941-01-06',
    author: { family: 'Roosevelt', given: 'Franklin D.' },
    kind: 'speech',
    container: 'State of the Union Address',
    passages: [{ text: 'In the future days, which we seek to make secure, we look forward to a world founded upon four essential human freedoms.' }],
  },
];

let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(buildMemoryIndex(CITED));
});
afterAll(() => server?.close());

const speech = `${fixtureDocumentId('franklin_d_roosevelt/1941_franklin_d_roosevelt_d.txt')}-p0`;
const briefing = fixtureDocumentId('transcripts/2021-03-24-briefing.txt');
const note = `${fixtureDocumentId('press/undated-note.txt')}-p0`;
const cite = (id: string, style: string, quote?: string) => server.get<CitedPassage>(`/api/passages/${id}/citation?style=${style}${quote === undefined ? '' : `&quote=${encodeURIComponent(quote)}`}`);
const link = (id: string) => `${server.url}/?doc=${id.replace(/-p\d+$/, '')}&passage=${id}`;

describe('the CSL processor', () => {
  // citeproc and citation-js are CommonJS: whatever thread loads them holds them in its module cache.
  const loadedHere = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => /citeproc|@citation-js/.test(path));

  it('is loaded on the first citation in a CSL style, in a thread of its own, and that first citation is right', async () => {
    expect(loadedHere()).toEqual([]);
    const [apa, chicago, search] = await Promise.all([cite(speech, 'apa'), cite(speech, 'chicago'), server.get<SearchResponse>('/api/search?q=freedoms')]);
    expect(apa.body.reference).toBe(`Roosevelt, F. D. (1941, January 6). State of the Union address, 1941 [Speech]. ${link(speech)}`);
    expect(apa.body.inText).toBe('(Roosevelt, 1941)');
    expect(chicago.body.reference).toBe(`Roosevelt, Franklin D. 1941. “State of the Union Address, 1941.” Speech, January 6. ${link(speech)}.`);
    expect(search.body.hits.map((hit) => hit.id)).toEqual([speech]);
    expect(loadedHere()).toEqual([]);
  });
});

describe('citations in each style', () => {
  const quote = '“In the future days, which we seek to make secure, we look forward to a world founded upon four essential human freedoms.”';

  it.each([
    ['apa', `${quote} (Roosevelt, 1941)`, 'Roosevelt, F. D. (1941, January 6). State of the Union address, 1941 [Speech]. LINK'],
    ['chicago', `${quote} (Roosevelt 1941)`, 'Roosevelt, Franklin D. 1941. “State of the Union Address, 1941.” Speech, January 6. LINK.'],
    ['mla', `${quote} (Roosevelt)`, 'Roosevelt, Franklin D. State of the Union Address, 1941. LINK. 6 Jan. 1941.'],
  ])('cites a person’s dated speech in %s: the quotation, its in-text citation, the reference', async (style, inText, reference) => {
    const { status, body } = await cite(speech, style);
    expect(status).toBe(200);
    expect(body.text).toBe(`${inText}\n\n${reference.replace('LINK', link(speech))}`);
    expect(body.reference).toBe(reference.replace('LINK', link(speech)));
  });

  it('cites a person’s speech in plain text and Markdown, with the person named as a reader writes a name', async () => {
    expect((await cite(speech, 'text')).body.text).toBe(`${quote}\n— Franklin D. Roosevelt, “State of the Union address, 1941”, 6 January 1941. ${link(speech)}`);
    expect((await cite(speech, 'markdown')).body.reference).toBe(`Franklin D. Roosevelt, [State of the Union address, 1941](${link(speech)}), 6 January 1941`);
  });

  it.each([
    ['apa', '(Press Office, n.d.)', /^Press Office\. \(n\.d\.\)\. A note without a date\. Retrieved \w+ \d+, \d{4}, from http:/],
    ['chicago', '(Press Office, n.d.)', /^Press Office\. n\.d\. “A Note without a Date\.” Accessed \w+ \d+, \d{4}\. http:/],
    ['mla', '(Press Office)', /^Press Office\. A Note without a Date\. http:\S+\. Accessed \d+ \w+\.? \d{4}\.$/],
  ])('cites an organization’s undated document in %s with no date and the day it was cited', async (style, inText, reference) => {
    const { body } = await cite(note, style);
    expect(body.inText).toBe(inText);
    expect(body.reference).toMatch(reference);
  });

  it('cites a transcript passage by its organization, with the speaker’s remarks, the date and the page', async () => {
    const { body } = await cite(`${briefing}-p1`, 'apa');
    expect(body.inText).toBe('(Transcripts, 2021, p. 2)');
    expect(body.reference).toBe('Transcripts. (2021, March 24). Joint press availability in Brussels [Remarks by Foreign Minister Wilmes]. https://transcripts.example/briefing');
    expect((await cite(`${briefing}-p1`, 'text')).body.text).toContain(`— Foreign Minister Wilmes, “Joint press availability in Brussels”, Transcripts, 24 March 2021, p. 2. ${link(`${briefing}-p1`)}\nOriginal: https://transcripts.example/briefing#:~:text=`);
  });

  it('cites selected words with a link to just those words', async () => {
    const { status, body } = await cite(speech, 'apa', 'four essential\n human freedoms');
    expect(status).toBe(200);
    expect(body.quote).toBe('four essential human freedoms');
    expect(body.link).toBe(`${link(speech)}#:~:text=four%20essential%20human%20freedoms`);
    expect(body.text).toBe(`“four essential human freedoms” (Roosevelt, 1941)\n\nRoosevelt, F. D. (1941, January 6). State of the Union address, 1941 [Speech]. ${body.link}`);
  });

  it('refuses to quote words the passage does not hold, an unknown style, and an unknown passage', async () => {
    expect(await cite(speech, 'apa', 'five essential freedoms')).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter', message: `quote: the words are not in passage ${speech}` } } });
    expect(await cite(speech, 'harvard')).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } });
    expect(await cite(`${briefing}-p99`, 'apa')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('gives the passage endpoint the structured citation and its reference in every style', async () => {
    const { body } = await server.get<PassageResponse>(`/api/passages/${speech}`);
    expect(body.citation).toMatchObject({ title: 'State of the Union address, 1941', author: { family: 'Roosevelt', given: 'Franklin D.' }, kind: 'speech', container: 'State of the Union Address', date: '1941-01-06', permalink: link(speech) });
    expect(Object.keys(body.citation.formatted).sort()).toEqual(['apa', 'chicago', 'markdown', 'mla', 'text']);
    expect(body.citation.formatted.apa).toBe((await cite(speech, 'apa')).body.reference);
  });

  it('keeps search answers lean: hits carry their date, not a citation', async () => {
    const { body } = await server.get<SearchResponse>('/api/search?q=freedoms');
    expect(body.hits[0]).toMatchObject({ id: speech, date: '1941-01-06' });
    expect(body.hits[0]).not.toHaveProperty('citation');
  });
});

describe('the CSL item', () => {
  const facts = (title: string): CitationFacts => ({
    passageId: 'p', docId: 'd', title, describedTitle: false, author: { family: 'Roosevelt', given: 'Franklin D.' }, sourceName: 'x', sourceId: 'x',
    kind: 'speech', container: 'State of the Union Address', date: '1941-01-06', permalink: 'http://h/', quoteLink: 'http://h/', passageLink: 'http://h/', quote: 'q', selected: false,
  });

  it('gives a speech its container as the event, unless the title names it already', () => {
    expect(buildCslItem(facts('The Four Freedoms'), new Date(0))).toMatchObject({ type: 'speech', genre: 'Speech', event: 'State of the Union Address', issued: { 'date-parts': [[1941, 1, 6]] } });
    expect(buildCslItem(facts('State of the Union Address, 1941'), new Date(0))).not.toHaveProperty('event');
  });
});

describe('links in citations', () => {
  it('never come from the request’s Host header, even where that host is let in', async () => {
    const open = await serveMemoryIndex(buildMemoryIndex(CITED), { allowedHosts: ['127.0.0.1', 'evil.example'] });
    try {
      const response = await rawRequest(open.url, `/api/passages/${speech}/citation?style=apa`, { headers: { Host: 'evil.example' } });
      expect(response.status).toBe(200);
      const body = JSON.parse(response.body) as CitedPassage;
      expect(body.reference).not.toContain('evil.example');
      expect(body.reference).toContain(`${open.url}/?doc=`);
    } finally {
      await open.close();
    }
  });

  it('start with the public address when one is set', async () => {
    const behindProxy = await serveMemoryIndex(buildMemoryIndex(CITED), { publicUrl: 'https://archive.example.org/passim' });
    try {
      const response = await fetch(`${behindProxy.url}/api/passages/${speech}/citation?style=text`, { headers: { 'X-Forwarded-Host': 'evil.example' } });
      const body = (await response.json()) as CitedPassage;
      expect(body.text.endsWith(`https://archive.example.org/passim/?doc=${speech.replace(/-p0$/, '')}&passage=${speech}`)).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('keep their permalinks across rebuilds of an unchanged archive', () => {
    const linksOf = () => [...buildMemoryIndex(ARCHIVE).passages.values()].map((entry) => describeCitation(entry, 'x', 'http://h').permalink);
    expect(linksOf()).toEqual(linksOf());
    const grown = buildMemoryIndex([{ path: 'aaa/first.txt', title: 'New', source: 'aaa', passages: [{ text: 'New.' }] }, ...ARCHIVE]);
    const grownLinks = new Set([...grown.passages.values()].map((entry) => describeCitation(entry, 'x', 'http://h').permalink));
    for (const permalink of linksOf()) expect(grownLinks.has(permalink)).toBe(true);
  });

  it('keep every permalink when the indexer rebuilds an unchanged corpus', async () => {
    const links = async () => {
      const temp = await makeTempFolder();
      try {
        const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
        return [...(await loadIndex(indexDir)).passages.values()].map((entry) => describeCitation(entry, 'x', 'http://h').permalink).sort();
      } finally {
        await temp.remove();
      }
    };
    const first = await links();
    expect(first.length).toBeGreaterThan(0);
    expect(await links()).toEqual(first);
  });
});

describe('POST /api/citations', () => {
  const post = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/citations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as CitationsResponse & { error?: { code: string; message: string } } };
  };

  it('lists collected passages with notes, then each reference once, sorted', async () => {
    const { status, body } = await post({ format: 'apa', items: [{ id: speech, note: 'For the essay' }, { id: `${briefing}-p1` }, { id: speech, quote: 'four essential human freedoms' }] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: 'apa', mediaType: 'text/plain', extension: 'txt', missing: [] });
    const [quotes, references] = body.text.split('\n\nReferences\n\n');
    expect(quotes).toBe(
      '“In the future days, which we seek to make secure, we look forward to a world founded upon four essential human freedoms.” (Roosevelt, 1941)\n\nNote: For the essay\n\n' +
        '“Thank you, Antony. Belgium and the United States share a long friendship. The pandemic has not stopped our cooperation.” (Transcripts, 2021, p. 2)\n\n' +
        '“four essential human freedoms” (Roosevelt, 1941)',
    );
    expect(references!.trim().split('\n').map((line) => line.slice(0, 30))).toEqual(['Roosevelt, F. D. (1941, January', 'Roosevelt, F. D. (1941, January', 'Transcripts. (2021, March 24).'].map((line) => line.slice(0, 30)));
  });

  it('names passages no longer in the index and cites the others; refuses a bad body', async () => {
    const { body } = await post({ format: 'text', items: [{ id: '0123456789abcdef-p0' }, { id: speech }] });
    expect(body.missing).toEqual(['0123456789abcdef-p0']);
    expect(body.text).toContain('Franklin D. Roosevelt');
    expect(await post({ format: 'docx', items: [{ id: speech }] })).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } });
    expect(await post({ format: 'apa', items: [] })).toMatchObject({ status: 400 });
  });
});
