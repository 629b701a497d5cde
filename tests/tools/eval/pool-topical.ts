/**
 * Lists the passages to judge for the topical queries: every passage in the top --depth (10) of any
 * engine (Passim, the two baselines, and FTS5 with its Porter stemmer, which finds other forms of the
 * words) that topical.json does not judge yet. Judging means reading each passage and adding it to the
 * query's targets with a grade (see topical.json's `about`); run this again after a change to the
 * ranking, so that passages it brings up are judged too rather than counted as not relevant.
 *
 * `npx tsx tests/tools/eval/pool-topical.ts [--depth N] [--file topical.json]`
 */
import { parseArgs } from 'node:util';
import { makeTempFolder } from '../../support/fixture-index.ts';
import { buildEvalCorpus } from './eval-corpus.ts';
import { startFts5, startPassim, startRawMiniSearch } from './eval-engines.ts';
import { QUERY_FILES, readQueryFile } from './eval-query.ts';
import { collectCorpusWords, findExcerpt } from './passage-words.ts';
import { resolveTargets } from './resolve-targets.ts';

const { values } = parseArgs({ options: { depth: { type: 'string', default: '10' }, file: { type: 'string', default: QUERY_FILES.topical } } });
const depth = Number(values.depth);
/** FTS5 with its Porter stemmer, for pooling only: it brings up passages that use other forms of the words. */
const PORTER = { name: 'FTS5 porter', tokenizer: 'porter unicode61 remove_diacritics 2' };

const temp = await makeTempFolder('passim-pool-');
try {
  const corpus = await buildEvalCorpus(temp.path);
  const passages = corpus.documents.flatMap((document) => document.passages.map((passage) => ({ id: passage.id, text: document.text.slice(passage.start, passage.end) })));
  const words = collectCorpusWords(corpus.documents);
  const byId = new Map(words.passages.map((passage) => [`${passage.document.id}-p${passage.ordinal}`, passage]));
  const { queries } = await readQueryFile(values.file);
  const { resolved } = resolveTargets(queries, corpus.documents);
  const engines = [await startPassim(corpus.indexDir), startFts5(passages), startRawMiniSearch(passages), startFts5(passages, PORTER)];
  for (const query of resolved) {
    const judged = new Set(query.resolved.flatMap((target) => target.passageIds));
    const pool = new Map<string, string[]>();
    for (const engine of engines) {
      for (const id of (await engine.search(query.q)).slice(0, depth)) if (!judged.has(id)) pool.set(id, [...(pool.get(id) ?? []), engine.name]);
    }
    console.log(`\n### ${query.id} [${query.q}]: ${pool.size} to judge`);
    for (const id of pool.keys()) {
      const passage = byId.get(id)!;
      const excerpt = findExcerpt(passage, Math.floor(passage.words.length / 2), 8);
      console.log(`\n${JSON.stringify({ path: passage.path, excerpt })}`);
      console.log(passage.document.text.slice(passage.start, passage.end).replace(/\s+/g, ' '));
    }
  }
  for (const engine of engines) await engine.close();
} finally {
  await temp.remove();
}
