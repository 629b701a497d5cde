import { readFile, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build-index.ts';
import { INDEX_FILES } from '../../indexer/index/index-format.ts';
import { watchCorpus } from '../../indexer/watch-corpus.ts';
import type { SearchResponse } from '../../server/api/types.ts';
import { serveIndex } from '../../server/serve-index.ts';
import { copyCorpus, FORMATS_CORPUS, makeTempFolder, readDocuments, type TempFolder } from '../support/fixture-index.ts';

let temp: TempFolder;
let corpusDir: string;
let indexDir: string;
const AN_HOUR_AGO = new Date(Date.now() - 3600_000);

/** Files of the fixture corpus, dated an hour ago: older than any build, as files usually are. */
async function ageCorpus(paths: string[]): Promise<void> {
  for (const path of paths) await utimes(join(corpusDir, path), AN_HOUR_AGO, AN_HOUR_AGO);
}
const CORPUS_FILES = ['press/statement.md', 'press/communique.html', 'press/persbericht.txt', 'transcripts/interview.txt', 'exports/records.jsonl', 'exports/single.json'];

beforeEach(async () => {
  temp = await makeTempFolder();
  corpusDir = await copyCorpus(FORMATS_CORPUS, temp);
  indexDir = join(temp.path, 'index');
  await ageCorpus(CORPUS_FILES);
});
afterEach(async () => {
  await temp.remove();
});

const build = (into = indexDir, full = false) => buildIndex({ corpusDir, indexDir: into, full });

/** Both indexes are the same files, build time aside, and answer every query alike through the API. */
async function expectSameIndex(incrementalDir: string, fullDir: string): Promise<void> {
  const cacheAndManifest = new Set<string>([INDEX_FILES.extractCache, INDEX_FILES.manifest]);
  for (const name of Object.values(INDEX_FILES).filter((file) => !cacheAndManifest.has(file))) {
    expect((await readFile(join(incrementalDir, name))).equals(await readFile(join(fullDir, name))), name).toBe(true);
  }
  const manifestOf = async (dir: string) => ({ ...JSON.parse(await readFile(join(dir, INDEX_FILES.manifest), 'utf8')), builtAt: undefined }) as unknown;
  expect(await manifestOf(incrementalDir)).toEqual(await manifestOf(fullDir));

  const servers = await Promise.all([incrementalDir, fullDir].map((indexDir) => serveIndex({ indexDir, port: 0, reloadIntervalMs: 0 })));
  try {
    for (const query of ['coalition', 'ministre', 'kantoor', 'demining', 'Wilmes']) {
      // Permalinks carry each server's own origin: compare them with the origin taken out.
      const answer = async (url: string) => JSON.parse((await (await fetch(`${url}/api/search?q=${query}`)).text()).replaceAll(url, 'ORIGIN')) as SearchResponse;
      const [a, b] = await Promise.all(servers.map(async ({ url }) => ({ ...(await answer(url)), tookMs: 0 })));
      expect(a).toEqual(b);
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

describe('incremental indexing', () => {
  it('reads no file again when nothing changed', async () => {
    await build();
    const again = await build();
    expect(again).toMatchObject({ filesSeen: 6, filesRead: 0, filesParsed: 0, filesReused: 6, unchanged: true, documents: 7 });
  });

  it('re-reads only the one file that was touched, and does not parse it again when its bytes are the same', async () => {
    await build();
    await utimes(join(corpusDir, 'press/statement.md'), new Date(), new Date());
    const again = await build();
    expect(again).toMatchObject({ filesRead: 1, filesParsed: 0, filesReused: 5, unchanged: true });
  });

  it('ends with the index a full rebuild gives after files are changed, added and removed', async () => {
    await build();
    await writeFile(join(corpusDir, 'press/persbericht.txt'), 'Minister sluit het kantoor\n\nOp 1 april 2021 heeft de minister het kantoor gesloten. Het is een besluit van de regering en de medewerkers gaan naar het nieuwe gebouw.\n');
    await rm(join(corpusDir, 'exports/single.json'));
    await mkdir(join(corpusDir, 'new'));
    await writeFile(join(corpusDir, 'new/added.txt'), 'An added statement\n\nThe coalition welcomed a new member today, and the ministers spoke about demining.\n');
    const incremental = await build();
    expect(incremental).toMatchObject({ filesRead: 2, filesParsed: 2, filesReused: 4, documents: 7, unchanged: false });

    const fullDir = join(temp.path, 'full-index');
    const full = await build(fullDir, true);
    expect(full).toMatchObject({ filesRead: 6, filesParsed: 6, documents: 7 });
    await expectSameIndex(indexDir, fullDir);
    const titles = (await readDocuments(indexDir)).map((d) => d.title);
    expect(titles).toContain('Minister sluit het kantoor');
    expect(titles).not.toContain('A record without id');
  });

  it('makes anew only the document of the file that changed, and ends with the bytes of a full build', async () => {
    await build();
    await writeFile(join(corpusDir, 'press/persbericht.txt'), 'Minister sluit het kantoor\n\nOp 1 april 2021 heeft de minister het kantoor gesloten.\n');
    const incremental = await build();
    expect(incremental).toMatchObject({ filesRead: 1, filesParsed: 1, documents: 7, documentsBuilt: 1, unchanged: false });

    const fullDir = join(temp.path, 'full-index');
    expect(await build(fullDir, true)).toMatchObject({ documents: 7, documentsBuilt: 7 });
    await expectSameIndex(indexDir, fullDir);
  });

  it('builds the same index on several threads as on one', async () => {
    const threaded = await buildIndex({ corpusDir, indexDir, full: true, threads: 2 });
    const oneThreadDir = join(temp.path, 'one-thread-index');
    const oneThread = await buildIndex({ corpusDir, indexDir: oneThreadDir, full: true, threads: 0 });
    expect(threaded).toMatchObject({ documents: 7, documentsBuilt: 7, passages: oneThread.passages, words: oneThread.words });
    await expectSameIndex(indexDir, oneThreadDir);
  });

  it('recomputes chrome that recurs across a source when one of its files changes', async () => {
    const nav = 'Home | About us | Newsroom';
    for (const name of ['one', 'two', 'three']) {
      await writeFile(join(corpusDir, `press/${name}.txt`), `Statement ${name}\n${nav}\n\nThe ministers of the coalition met for meeting ${name} and agreed on a plan.\n`);
      await utimes(join(corpusDir, `press/${name}.txt`), AN_HOUR_AGO, AN_HOUR_AGO);
    }
    await build();
    expect((await readDocuments(indexDir)).find((d) => d.path === 'press/one.txt')!.text).not.toContain(nav);
    // With the menu gone from two of the five press files, it no longer recurs in half of them.
    for (const name of ['two', 'three']) await writeFile(join(corpusDir, `press/${name}.txt`), `Statement ${name}\n\nThe ministers met again for meeting ${name}.\n`);
    await build();
    expect((await readDocuments(indexDir)).find((d) => d.path === 'press/one.txt')!.text).toContain(nav);
    const fullDir = join(temp.path, 'full-index');
    await build(fullDir, true);
    await expectSameIndex(indexDir, fullDir);
  });

  it('keeps the index up to date while watching the corpus', async () => {
    await build();
    let builds = 0;
    let rebuilt!: () => void;
    const done = new Promise<void>((resolve) => (rebuilt = resolve));
    const watcher = watchCorpus(
      corpusDir,
      async () => {
        builds += 1;
        await build();
        rebuilt();
      },
      { debounceMs: 50 },
    );
    try {
      await writeFile(join(corpusDir, 'press/watched.txt'), 'Watched statement\n\nThe coalition met while the indexer was watching the folder.\n');
      await done;
    } finally {
      await watcher.close();
    }
    expect(builds).toBe(1);
    expect((await readDocuments(indexDir)).map((d) => d.title)).toContain('Watched statement');
  });
});
