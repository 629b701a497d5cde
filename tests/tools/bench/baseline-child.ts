/**
 * Runs one baseline engine in its own process, so its peak memory is its own:
 * `tsx tests/tools/bench/baseline-child.ts <minisearch|fts5-and|fts5-or> <passages.json> <queries.json>`.
 * Prints one JSON line of EngineFigures.
 */
import { readFile } from 'node:fs/promises';
import { benchFts5 } from './baseline-fts5.ts';
import { benchRawMiniSearch } from './baseline-minisearch.ts';
import type { EngineFigures } from './engine-figures.ts';
import { loadBenchPassages } from './bench-passages.ts';
import type { BenchQuery } from './query-set.ts';

const [engine, passagesFile, queriesFile] = process.argv.slice(2);
const passages = await loadBenchPassages(passagesFile!);
const queries = JSON.parse(await readFile(queriesFile!, 'utf8')) as BenchQuery[];

let figures: EngineFigures;
if (engine === 'minisearch') figures = benchRawMiniSearch(passages, queries);
else if (engine === 'fts5-and') figures = benchFts5(passages, queries, 'and');
else if (engine === 'fts5-or') figures = benchFts5(passages, queries, 'or');
else throw new Error(`unknown engine ${engine}`);

figures.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(figures));
