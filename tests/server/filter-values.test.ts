import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, SearchResponse } from '../../server/api/types.ts';
import { serveIndex, type RunningServer } from '../../server/serve-index.ts';
import { buildTempIndex, FIXTURE_CORPUS, makeTempFolder, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeTempFolder();
  const { indexDir } = await buildTempIndex(FIXTURE_CORPUS, temp);
  server = await serveIndex({ indexDir, port: 0, reloadIntervalMs: 0 });
});
afterAll(async () => {
  await server?.close();
  await temp?.remove();
});

const get = async <T>(path: string) => (await (await fetch(`${server.url}${path}`)).json()) as T;
const notesOf = (body: SearchResponse) => body.interpretation!.notes.filter((note) => note.code === 'unknown_filter_value');

describe('field filters that match no value', () => {
  it('says a speaker filter matches no speaker, and offers the source field that has the value', async () => {
    const body = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('coalition speaker:press')}`);
    expect(body.total).toBe(0);
    expect(notesOf(body)).toEqual([
      {
        code: 'unknown_filter_value',
        message: 'No speaker of this archive matches "press", but sources do: try source:press.',
        replacement: 'coalition source:press',
      },
    ]);
    expect((await get<SearchResponse>(`/api/search?q=${encodeURIComponent(notesOf(body)[0]!.replacement!)}`)).total).toBeGreaterThan(0);
  });

  it('offers the speaker field for a source filter that names a speaker, and says plainly when no field has the value', async () => {
    const speaker = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('coalition source:blinken')}`);
    expect(notesOf(speaker)[0]).toMatchObject({ replacement: 'coalition speaker:blinken' });
    const nowhere = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('coalition speaker:zanzibar')}`);
    expect(notesOf(nowhere)).toEqual([{ code: 'unknown_filter_value', message: 'No speaker of this archive matches "zanzibar", so "speaker:zanzibar" keeps nothing.' }]);
  });

  it('adds no note for a filter that matches a value of its field', async () => {
    expect(notesOf(await get<SearchResponse>(`/api/search?q=${encodeURIComponent('coalition speaker:blinken')}`))).toEqual([]);
  });
});

describe('GET /api/health', () => {
  it('names the largest sources and speakers and the dated span, for the help to take its examples from', async () => {
    const { archive } = await get<HealthResponse>('/api/health');
    expect(archive!.sources.map((source) => source.value).sort()).toEqual(['press', 'transcripts']);
    expect(archive!.sources.find((source) => source.value === 'press')!.label).toBe('Press Office');
    expect(archive!.speakers.map((speaker) => speaker.label)).toContain('Secretary Blinken');
  });
});
