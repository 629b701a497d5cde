import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, QuoteDiffPart, QuoteResponse } from '../../server/api/types.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';

/** Two council addresses that share a line, and a briefing with speakers that repeats a line of the first. */
const QUOTES_CORPUS = resolve(import.meta.dirname, '../fixtures/quotes');

let temp: TempFolder;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeTempFolder();
  const { indexDir } = await buildTempIndex(QUOTES_CORPUS, temp);
  server = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 0 });
});
afterAll(async () => {
  await server?.close();
  await temp?.remove();
});

async function check(text: string): Promise<QuoteResponse> {
  const response = await fetch(`${server.url}/api/quote?text=${encodeURIComponent(text)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as QuoteResponse;
}
const differences = (diff: QuoteDiffPart[] | undefined) => (diff ?? []).filter((part) => part.kind !== 'same' && !part.marked);

const SEA_WALL =
  'We got here because this council chose to rebuild the sea wall when others said it was too expensive, because the unions and the shipping companies sat at one table and wrote a contract together';

describe('GET /api/quote', () => {
  it('finds a quote pasted with curly quotation marks as exact, with the source, its date and its citation', async () => {
    const body = await check(`“${SEA_WALL}.”`);
    expect(body.verdict).toBe('exact');
    expect(body.words).toBe(35);
    expect(body.source).toMatchObject({
      title: 'Address on the State of the Harbor, 2019',
      source: 'harbor-council',
      sourceName: 'Harbor City Council',
      date: '2019-02-04',
      ordinal: 1,
      quoted: SEA_WALL,
    });
    expect(body.source!.citation).toMatchObject({ source: 'Harbor City Council', date: '2019-02-04', title: 'Address on the State of the Harbor, 2019' });
    expect(body.source!.citation!.permalink).toContain(`passage=${body.source!.id}`);
    expect(body.source!.passageIds).toEqual([body.source!.id]);
    expect(body.diff).toEqual([{ kind: 'same', quote: SEA_WALL, source: SEA_WALL }]);
    expect(body.differences).toEqual({ changed: 0, missing: 0, added: 0, moved: 0 });
    expect(body.source!.snippet.filter((segment) => segment.highlight).map((segment) => segment.text).join(' ')).toContain('sea wall');
  });

  it('does not count straight or single quotation marks, case, punctuation or line breaks as differences', async () => {
    const pasted = `"we got here because this council chose to rebuild the sea wall -- when others said it was too expensive;\nbecause the unions and the shipping companies sat at one table"`;
    const body = await check(pasted);
    expect(body.verdict).toBe('exact');
    expect(differences(body.diff)).toEqual([]);
    expect((await check(`‘${SEA_WALL}’`)).verdict).toBe('exact');
    expect((await check(`«${SEA_WALL}»`)).verdict).toBe('exact');
  });

  it('names one changed word and calls the quote close', async () => {
    const body = await check(SEA_WALL.replace('expensive', 'costly'));
    expect(body.verdict).toBe('close');
    expect(differences(body.diff)).toEqual([{ kind: 'changed', quote: 'costly', source: 'expensive' }]);
    expect(body.differences).toEqual({ changed: 1, missing: 0, added: 0, moved: 0 });
  });

  it('names three changed words', async () => {
    const body = await check(SEA_WALL.replace('council', 'mayor').replace('unions', 'workers').replace('contract', 'deal'));
    expect(body.verdict).toBe('close');
    expect(differences(body.diff)).toEqual([
      { kind: 'changed', quote: 'mayor', source: 'council' },
      { kind: 'changed', quote: 'workers', source: 'unions' },
      { kind: 'changed', quote: 'deal', source: 'contract' },
    ]);
  });

  it('names a dropped word as missing and an inserted word as added', async () => {
    const dropped = await check(SEA_WALL.replace('rebuild the sea wall', 'rebuild the wall'));
    expect(dropped.verdict).toBe('close');
    expect(differences(dropped.diff)).toEqual([{ kind: 'missing', source: 'sea' }]);
    const added = await check(SEA_WALL.replace('sat at one table', 'sat down at one table'));
    expect(added.verdict).toBe('close');
    expect(differences(added.diff)).toEqual([{ kind: 'added', quote: 'down' }]);
  });

  it('takes an ellipsis in any spelling, or bracketed words, as a marked omission: the quote stays exact', async () => {
    for (const ellipsis of ['…', '...', '. . .', '[…]', '[...]']) {
      const body = await check(`We got here because this council chose to rebuild the sea wall ${ellipsis} because the unions and the shipping companies sat at one table`);
      expect(body.verdict, ellipsis).toBe('exact');
      expect(body.diff!.find((part) => part.kind === 'missing'), ellipsis).toEqual({ kind: 'missing', source: 'when others said it was too expensive', marked: true });
    }
    const bracketed = await check('[The council] chose to rebuild the sea wall when others said it was too expensive');
    expect(bracketed.verdict).toBe('exact');
    const inserted = await check('We got here because [the] council chose to rebuild the sea wall when others said [the wall] was too expensive');
    expect(inserted.verdict).toBe('exact');
    expect(inserted.diff!.filter((part) => part.kind === 'missing')).toEqual([
      { kind: 'missing', source: 'this', marked: true },
      { kind: 'missing', source: 'it', marked: true },
    ]);
  });

  it('finds clauses quoted in another order and marks them as moved, not as added', async () => {
    const body = await check('because the unions and the shipping companies sat at one table and wrote a contract together, this council chose to rebuild the sea wall when others said it was too expensive');
    expect(body.verdict).toBe('close');
    expect(body.source!.ordinal).toBe(1);
    expect(body.differences!.added).toBe(0);
    expect(body.differences!.moved).toBeGreaterThanOrEqual(10);
    expect(body.diff!.some((part) => part.kind === 'same' && part.moved === true)).toBe(true);
  });

  it('follows a quote across the boundary of two passages and cites the one it starts in', async () => {
    const body = await check('the families who stayed through the hard years are finally seeing the reward of their patience. We did not get here by accident.');
    expect(body.verdict).toBe('exact');
    expect(body.source!.ordinal).toBe(0);
    expect(body.source!.passageIds).toHaveLength(2);
    expect(body.source!.quoted).toBe('the families who stayed through the hard years are finally seeing the reward of their patience.\n\nWe did not get here by accident');
    expect(body.source!.text.slice(body.source!.quoteStart - body.source!.start, body.source!.quoteEnd - body.source!.start)).toBe(body.source!.quoted);
  });

  it('lists the other places that hold the same words, and names the speaker of a transcript', async () => {
    const repeated = await check('A city that keeps its promises is a city that keeps its people.');
    expect(repeated.verdict).toBe('exact');
    const places = [repeated.source!, ...(repeated.others ?? []).map((other) => other.source)].map((source) => source.title).sort();
    expect(places).toEqual(['Address on the State of the Harbor, 2019', 'Address on the State of the Harbor, 2021']);
    expect(repeated.others).toHaveLength(1);
    expect(repeated.others![0]!.verdict).toBe('exact');

    const spoken = await check('We will pay first and ask questions later, because nobody should sleep in a wet house while we fill in forms.');
    expect(spoken.verdict).toBe('exact');
    expect(spoken.source).toMatchObject({ speaker: 'DEPUTY MAYOR ACHTERBERG', title: 'Briefing on the winter storm', date: '2020-12-15' });
    expect(spoken.source!.citation!.speakerName).toBe('Deputy Mayor Achterberg');
  });

  it('answers not_found for words the archive does not hold, and partial for a quote stitched from two speeches', async () => {
    const absent = await check('The railway will reach the northern villages before the end of the decade, and the fares will stay within reach of every pensioner.');
    expect(absent).toMatchObject({ verdict: 'not_found' });
    expect(absent.source).toBeUndefined();
    const stitched = await check('The fishing fleet still brings in most of the catch that feeds our markets, and the people who kept this port alive can no longer afford to live near it.');
    expect(stitched.verdict).toBe('partial');
    expect(stitched.others).toBeUndefined();
  });

  it('calls a quote partial, not close, when it begins with five words or more that are not from its place', async () => {
    const body = await check('Everyone on the council agrees that we cannot stop the sea from rising, but we can decide whether it finds us ready.');
    expect(body.words).toBe(22);
    expect(body.differences!.changed + body.differences!.added).toBeGreaterThanOrEqual(5);
    expect(body.verdict).toBe('partial');
  });
});

describe('quote request limits', () => {
  it('refuses a missing, empty or over-long text in the address with a 400 that says to POST a longer one', async () => {
    for (const query of ['', 'text=', 'text=%20%20', 'q=sea']) {
      const response = await fetch(`${server.url}/api/quote?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as ErrorResponse).error.code).toBe('invalid_parameter');
    }
    const long = await fetch(`${server.url}/api/quote?text=${encodeURIComponent('sea wall '.repeat(700))}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as ErrorResponse).error.message).toMatch(/POST \/api\/quote/);
  });

  it('checks a quote longer than an address takes when it is posted as JSON', async () => {
    const text = `${SEA_WALL} ${'and the harbor '.repeat(400)}`;
    expect(text.length).toBeGreaterThan(5000);
    const response = await fetch(`${server.url}/api/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as QuoteResponse;
    expect(body.words).toBe(35 + 1200);
    expect(body.source!.title).toBe('Address on the State of the Harbor, 2019');
  });

  it('refuses a posted quote over 20,000 characters, and a body that is not JSON', async () => {
    const tooLong = await fetch(`${server.url}/api/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'harbor '.repeat(3000) }) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as ErrorResponse).error.message).toContain('20000');
    const broken = await fetch(`${server.url}/api/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
    expect(broken.status).toBe(400);
    const extra = await fetch(`${server.url}/api/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'sea wall', limit: 3 }) });
    expect(extra.status).toBe(400);
  });
});
