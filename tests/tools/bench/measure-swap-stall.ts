/**
 * Cold start and index swaps under a steady stream of searches, on the State of the Union corpus:
 * `npx tsx tests/tools/bench/measure-swap-stall.ts --scale 4 [--swaps 3] [--keep DIR]`. With `--keep`, the
 * corpus and index are built in DIR once and reused by later runs (an x16 build takes minutes).
 * Prints one line per swap, then every figure as JSON on the last line.
 */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { INDEX_FILES } from '../../../indexer/index/index-format.ts';
import { makeTempFolder } from '../../support/fixture-index.ts';
import { runJsonChild } from './run-child.ts';
import { writeSotuCorpus } from '../corpus/sotu-corpus.ts';
import { formatSwapStall, measureSwapStall } from './swap-stall.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '4' }, swaps: { type: 'string', default: '3' }, keep: { type: 'string' } } });
const scale = Number(values.scale);
const temp = values.keep === undefined ? await makeTempFolder('passim-swap-') : { path: resolve(values.keep), remove: async () => {} };
const corpusDir = join(temp.path, `corpus-x${scale}`);
const indexDir = join(temp.path, `index-x${scale}`);
try {
  const built = await access(join(indexDir, INDEX_FILES.manifest)).then(
    () => true,
    () => false,
  );
  if (!built) {
    console.error(`x${scale}: writing the corpus and building the index`);
    await writeSotuCorpus(corpusDir, scale);
    const build = await runJsonChild<{ buildSeconds: number; loadSeconds: number; passages: number }>('tests/tools/bench/passim-build-child.ts', [corpusDir, indexDir]);
    console.error(`x${scale}: ${build.passages} passages, built in ${build.buildSeconds.toFixed(1)} s, loaded in ${build.loadSeconds.toFixed(2)} s`);
  }
  const figures = await measureSwapStall(indexDir, Number(values.swaps));
  console.log(formatSwapStall(scale, figures));
  console.log(JSON.stringify({ scale, ...figures }));
} finally {
  await temp.remove();
}
