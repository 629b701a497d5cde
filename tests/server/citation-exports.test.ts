import { parse, parseRIS } from 'biblatex-csl-converter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationsResponse } from '../../server/api/types.ts';
import { buildMemoryIndex, fixtureDocumentId, serveMemoryIndex, type TestServer } from '../support/memory-index.ts';

const PUBLIC_URL = 'https://passim.example.org';
let server: TestServer;
beforeAll(async () => {
  server = await serveMemoryIndex(
    buildMemoryIndex([
      {
        path: 'franklin_d_roosevelt/1941.txt',
        title: 'State of the Union Address, 1941',
        source: 'franklin_d_roosevelt',
        date: '1941-01-06',
        author: { family: 'Roosevelt', given: 'Franklin D.' },
        kind: 'speech',
        container: 'State of the Union Address',
        passages: [{ text: 'In the future days, which we seek to make secure, we look forward to a world founded upon four essential human freedoms.' }],
      },
      {
        path: 'state.gov/statement.txt',
        title: 'Statement on the coalition',
        source: 'state.gov',
        sourceName: 'U.S. Department of State',
        kind: 'press release',
        url: 'https://state.example/statement',
        passages: [{ text: 'The coalition met and agreed to go on, with the same partners.' }],
      },
    ]),
    { publicUrl: PUBLIC_URL },
  );
});
afterAll(() => server?.close());

const speech = `${fixtureDocumentId('franklin_d_roosevelt/1941.txt')}-p0`;
const statement = `${fixtureDocumentId('state.gov/statement.txt')}-p0`;
const items = [
  { id: speech, note: 'Four Freedoms: for the essay’s opening' },
  { id: statement, quote: 'agreed to go on' },
];

async function exportAs(format: string): Promise<CitationsResponse> {
  const response = await fetch(`${server.url}/api/citations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ format, items }) });
  expect(response.status).toBe(200);
  return (await response.json()) as CitationsResponse;
}

type ParsedText = { text: string }[];
const plain = (value: unknown) => (value as ParsedText).map((part) => part.text).join('');

describe('exports a reference manager imports, read back with a BibTeX/RIS parser', () => {
  it('BibTeX: a person as family and given names, an organization as one name, year, type, address, the quote and the note apart', async () => {
    const { text, mediaType, extension } = await exportAs('bibtex');
    expect({ mediaType, extension }).toEqual({ mediaType: 'application/x-bibtex', extension: 'bib' });
    const parsed = parse(text, {});
    expect(parsed.errors).toEqual([]);
    const [first, second] = Object.values(parsed.entries) as { bib_type: string; fields: Record<string, unknown> }[];
    expect(first!.bib_type).toBe('misc');
    expect(first!.fields.author).toEqual([{ family: [{ type: 'text', text: 'Roosevelt' }], given: [{ type: 'text', text: 'Franklin D.' }] }]);
    expect(first!.fields.date).toBe('1941-01-06');
    expect(plain(first!.fields.type)).toBe('Speech');
    expect(plain(first!.fields.abstract)).toBe('In the future days, which we seek to make secure, we look forward to a world founded upon four essential human freedoms.');
    expect(plain(first!.fields.note)).toBe('Four Freedoms: for the essay’s opening');
    expect(text).toContain(`  url = {${PUBLIC_URL}/?doc=${speech.replace(/-p0$/, '')}&passage=${speech}}`);
    expect(text).toContain('  year = {1941},\n  month = {jan},');
    expect(second!.fields.author).toEqual([{ literal: [{ type: 'text', text: 'U.S. Department of State' }] }]);
    expect(plain(second!.fields.type)).toBe('Press release');
    expect(plain(second!.fields.abstract)).toBe('agreed to go on');
    expect(second!.fields.note).toBeUndefined();
    expect(text).toContain('  url = {https://state.example/statement#:~:text=agreed%20to%20go%20on}');
  });

  it('RIS: type by kind, AU in the manager’s form, PY, UR, the quote in AB and the note in N1', async () => {
    const { text } = await exportAs('ris');
    const parsed = parseRIS(text);
    expect(parsed.errors).toEqual([]);
    const [first, second] = Object.values(parsed.entries) as { fields: Record<string, unknown> }[];
    expect(first!.fields.author).toEqual([{ family: [{ type: 'text', text: 'Roosevelt' }], given: [{ type: 'text', text: 'Franklin D.' }] }]);
    expect(first!.fields.date).toBe('1941');
    expect(plain(first!.fields.note)).toBe('Four Freedoms: for the essay’s opening');
    expect(plain(first!.fields.abstract)).toContain('four essential human freedoms');
    expect(text.split('\r\n').slice(0, 7)).toEqual(['TY  - SLIDE', 'TI  - State of the Union Address, 1941', 'AU  - Roosevelt, Franklin D.', 'M3  - Speech', 'T2  - State of the Union Address', 'PY  - 1941', 'DA  - 1941/01/06/']);
    expect(text).toContain('TY  - RPRT\r\nTI  - Statement on the coalition\r\nAU  - U.S. Department of State\r\nM3  - Press release\r\n');
    expect(second!.fields.url).toBe('https://state.example/statement#:~:text=agreed%20to%20go%20on');
  });

  it('CSV: every column filled when it is known', async () => {
    const { text } = await exportAs('csv');
    const [header, speechRow, statementRow] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header).toBe('title,author,source,speaker,kind,date,quote,note,passage_link,original_link,page,collected_at');
    expect(speechRow).toBe(
      `"State of the Union Address, 1941",Franklin D. Roosevelt,franklin_d_roosevelt,,speech,1941-01-06,"In the future days, which we seek to make secure, we look forward to a world founded upon four essential human freedoms.",Four Freedoms: for the essay’s opening,${PUBLIC_URL}/?doc=${speech.replace(/-p0$/, '')}&passage=${speech},,,`,
    );
    expect(statementRow).toBe(
      `Statement on the coalition,U.S. Department of State,U.S. Department of State,,press release,,agreed to go on,,${PUBLIC_URL}/?doc=${statement.replace(/-p0$/, '')}&passage=${statement}#:~:text=agreed%20to%20go%20on,https://state.example/statement#:~:text=agreed%20to%20go%20on,,`,
    );
  });
});
