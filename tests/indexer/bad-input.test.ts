import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build-index.ts';
import { INDEX_FILES } from '../../indexer/index/index-format.ts';
import { buildTempIndex, copyCorpus, FIXTURE_CORPUS, makeTempFolder, readDocuments, type TempFolder } from '../support/fixture-index.ts';
import { makeDocx } from '../support/make-docx.ts';
import { makePdf } from '../support/make-pdf.ts';

const REPO = resolve(import.meta.dirname, '../..');

let temp: TempFolder;
let corpusDir: string;
beforeEach(async () => {
  temp = await makeTempFolder();
  corpusDir = await copyCorpus(FIXTURE_CORPUS, temp);
  await mkdir(join(corpusDir, 'bad'));
});
afterEach(async () => {
  await temp.remove();
});

/** Adds one bad file to the fixture corpus, indexes it, and returns what the run said about that file. */
async function indexWith(name: string, contents: string | Uint8Array, options: Parameters<typeof buildTempIndex>[2] = {}) {
  await writeFile(join(corpusDir, 'bad', name), contents);
  const { report, indexDir, problems } = await buildTempIndex(corpusDir, temp, options);
  expect(report.documents, 'the good files are still indexed').toBe(3);
  expect(problems).toHaveLength(report.skipped.length);
  return { skipped: report.skipped, indexDir };
}

describe('bad input is reported with the file and the reason, and skipped', () => {
  it('skips an empty file', async () => {
    expect((await indexWith('empty.txt', '')).skipped).toEqual([{ path: 'bad/empty.txt', reason: 'empty file' }]);
  });

  it('skips a binary file named as text', async () => {
    const { skipped } = await indexWith('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(skipped).toEqual([{ path: 'bad/image.txt', reason: 'binary file (contains NUL bytes)' }]);
  });

  it('skips a text that is not UTF-8, rather than guessing its encoding', async () => {
    const { skipped } = await indexWith('latin1.txt', Buffer.from('Wilm\xe8s a pr\xe9sid\xe9 la r\xe9union.', 'latin1'));
    expect(skipped).toEqual([{ path: 'bad/latin1.txt', reason: 'not valid UTF-8 text (re-save it as UTF-8)' }]);
  });

  it('skips a truncated PDF, a truncated Word file and a truncated JSONL line, keeping the JSONL file’s good records', async () => {
    const pdf = await makePdf([[['A whole page of text that will be cut off.']]]);
    await writeFile(join(corpusDir, 'bad/cut.pdf'), pdf.subarray(0, Math.floor(pdf.length / 2)));
    const docx = await makeDocx([{ text: 'A Word file that will be cut off.' }]);
    await writeFile(join(corpusDir, 'bad/cut.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    await writeFile(join(corpusDir, 'bad/cut.jsonl'), '{"id": "a", "text": "The first record is whole and is indexed."}\n{"id": "b", "text": "The sec');
    const { report, indexDir } = await buildTempIndex(corpusDir, temp);
    expect(report.skipped).toEqual([
      { path: 'bad/cut.docx', reason: expect.stringMatching(/^damaged or truncated \.docx \(/) },
      { path: 'bad/cut.jsonl#2', reason: 'line 2 is not valid JSON (truncated?)' },
      { path: 'bad/cut.pdf', reason: 'truncated PDF (it does not end with %%EOF): copy or download it again' },
    ]);
    expect((await readDocuments(indexDir)).map((d) => d.path)).toContain('bad/cut.jsonl#a');
  });

  it('skips password-protected PDF and Word files', async () => {
    await writeFile(join(corpusDir, 'bad/locked.pdf'), await makePdf([[['Confidential text.']]], { password: true }));
    // Word saves an encrypted .docx as an OLE compound file, not a zip: this is its signature.
    await writeFile(join(corpusDir, 'bad/locked.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const { report } = await buildTempIndex(corpusDir, temp);
    expect(report.skipped).toEqual([
      { path: 'bad/locked.docx', reason: 'password-protected .docx (or an old .doc renamed): save an unprotected copy as .docx' },
      { path: 'bad/locked.pdf', reason: 'password-protected PDF: save a copy without a password' },
    ]);
  });

  it('skips a file over the size limit without reading it', async () => {
    const { skipped } = await indexWith('huge.txt', 'word '.repeat(1000), { read: { maxFileBytes: 4096 } });
    expect(skipped).toEqual([{ path: 'bad/huge.txt', reason: 'too large (4.9 KiB; the limit is 4.0 KiB, see --max-file-mb)' }]);
  });

  it('skips files of a format it does not read, and files with nothing left after cleaning', async () => {
    await writeFile(join(corpusDir, 'bad/slides.pptx'), 'PK');
    const { skipped } = await indexWith('only-chrome.txt', 'Official websites use .gov\n\n1. News Type\n');
    expect(skipped).toEqual([
      { path: 'bad/only-chrome.txt', reason: 'no text left to index (empty, or only site chrome)' },
      { path: 'bad/slides.pptx', reason: expect.stringMatching(/^unsupported format "\.pptx" \(supported: \.txt, \.md, .*\.pdf, \.docx, \.json, \.jsonl\)$/) },
    ]);
  });

  it('reports an unreadable folder, indexes the rest, and exits with code 1', async () => {
    const locked = join(corpusDir, 'bad');
    await writeFile(join(locked, 'secret.txt'), 'A text nobody may read.');
    await chmod(locked, 0o000);
    // root reads every folder: run the indexer as root without the capabilities that override file
    // permissions (util-linux's setpriv), so the folder is really unreadable. (Running it as "nobody"
    // failed when the checkout sits under a folder only root may enter, as `mktemp -d` makes.)
    const asRoot = process.getuid?.() === 0;
    const indexDir = join(temp.path, 'index');
    const indexer = [process.execPath, '--import', 'tsx', 'indexer/cli.ts', '--corpus', corpusDir, '--index', indexDir];
    const dropOverride = ['--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search'];
    const [command, ...args] = asRoot ? ['setpriv', ...dropOverride, ...indexer] : indexer;
    const run = promisify(execFile)(command!, args, { cwd: REPO });
    const failure = await run.then(() => undefined, (error: { code: number; stdout: string; stderr: string }) => error);
    await chmod(locked, 0o755);
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/^Indexed 3 documents into \d+ passages/);
    expect(failure?.stdout).toMatch(/skipped bad: folder not readable: EACCES/);
    expect(failure?.stderr).toContain('reading files: 3/3 (100%)');
    expect((await readDocuments(indexDir)).length).toBe(3);
  });
});

describe('bad input never damages the existing index', () => {
  it('leaves the previous index as it was when nothing in the corpus can be indexed', async () => {
    const { indexDir } = await buildTempIndex(corpusDir, temp);
    const before = await readFile(join(indexDir, INDEX_FILES.manifest), 'utf8');
    const emptyCorpus = join(temp.path, 'empty-corpus');
    await mkdir(join(emptyCorpus, 'source'), { recursive: true });
    await writeFile(join(emptyCorpus, 'source/empty.txt'), '');
    await expect(buildIndex({ corpusDir: emptyCorpus, indexDir })).rejects.toThrow(/nothing could be indexed/);
    expect(await readFile(join(indexDir, INDEX_FILES.manifest), 'utf8')).toBe(before);
  });
});
