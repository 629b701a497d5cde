import { parseArgs } from 'node:util';
import { buildIndex, BuildIndexError, type BuildReport } from './build/build-index.ts';
import { formatBuildReport } from './format-build-report.ts';
import { createOpenSearchClient } from './opensearch/opensearch-client.ts';
import { OPENSEARCH_SETTINGS_USAGE, readEngineName, readOpenSearchSettings, type OpenSearchSettings } from './opensearch/opensearch-settings.ts';
import { formatPublishReport, publishToOpenSearch } from './opensearch/publish-to-opensearch.ts';
import { createProgressDisplay } from './progress-display.ts';
import { watchCorpus } from './watch-corpus.ts';

const USAGE = `usage: npm run index -- [--corpus DIR] [--index DIR] [--full] [--watch] [--max-file-mb N]
                      [--engine term-index|opensearch] [--opensearch-url URL[,URL...]] [--shards N] [--replicas N]
  --corpus DIR      the corpus folder (default data/corpus)
  --index DIR       where the index goes (default data/index)
  --full            read every file again, even those unchanged since the last build
                    (with OpenSearch: also write new indices and move the aliases, instead of updating in place)
  --watch           after building, rebuild whenever files in the corpus change (Ctrl-C to stop)
  --max-file-mb N   skip files larger than N MiB (default 64)
  --engine NAME     term-index (default, or PASSIM_ENGINE): the index folder is all;
                    opensearch: the index folder is built as always, then copied into OpenSearch
  --shards N        primary shards of a new passages and documents index (default 1)
  --replicas N      replicas of each shard (default: 0 on one node, 1 on more)
${OPENSEARCH_SETTINGS_USAGE}
exit code: 0 all files indexed, 1 some files skipped, 2 nothing indexed or the run failed`;

interface IndexFlags {
  corpusDir: string;
  indexDir: string;
  full: boolean;
  watch: boolean;
  maxFileBytes: number;
  /** Where the index is copied when the engine is OpenSearch. */
  opensearch?: OpenSearchSettings & { shards: number; replicas?: number };
}

function readCount(flag: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > 1024) throw new Error(`--${flag} must be a whole number from ${min} to 1024, got "${raw}"`);
  return Number(raw);
}

function parseFlags(): IndexFlags {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'data/corpus' },
        index: { type: 'string', default: 'data/index' },
        full: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        'max-file-mb': { type: 'string', default: '64' },
        engine: { type: 'string' },
        'opensearch-url': { type: 'string' },
        shards: { type: 'string', default: '1' },
        replicas: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const maxFileMb = Number(values['max-file-mb']);
    if (!(maxFileMb > 0)) throw new Error(`--max-file-mb must be a positive number, got "${values['max-file-mb']}"`);
    const flags: IndexFlags = { corpusDir: values.corpus, indexDir: values.index, full: values.full, watch: values.watch, maxFileBytes: maxFileMb * 1024 * 1024 };
    if (readEngineName(values.engine) === 'opensearch') {
      flags.opensearch = {
        ...readOpenSearchSettings(process.env, { url: values['opensearch-url'] }),
        shards: readCount('shards', values.shards, 1),
        ...(values.replicas === undefined ? {} : { replicas: readCount('replicas', values.replicas, 0) }),
      };
    }
    return flags;
  } catch (error) {
    console.error(`passim index: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** 0: everything indexed; 1: the index is complete but some input was left out. (2: nothing indexed, see runBuild.) */
function exitCodeOf(report: BuildReport): number {
  return report.skipped.length > 0 ? 1 : 0;
}

/** One build with progress and summary; returns the exit code it deserves. */
async function runBuild(flags: IndexFlags, full: boolean): Promise<number> {
  const progress = createProgressDisplay();
  try {
    const report = await buildIndex({
      corpusDir: flags.corpusDir,
      indexDir: flags.indexDir,
      full,
      read: { maxFileBytes: flags.maxFileBytes },
      onProgress: progress.update,
    });
    progress.finish();
    console.log(formatBuildReport(report, flags.indexDir));
    if (flags.opensearch && !(await runPublish(flags, full))) return 2;
    return exitCodeOf(report);
  } catch (error) {
    progress.finish();
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? `corpus folder "${flags.corpusDir}" does not exist` : (error as Error).message;
    if (error instanceof BuildIndexError) for (const { path, reason: why } of error.skipped) console.error(`  skipped ${path}: ${why}`);
    console.error(`passim index: ${reason}. The previous index, if any, is untouched.`);
    return 2;
  }
}

/** Copies the built index into OpenSearch; false (with one line saying why) when that failed. */
async function runPublish(flags: IndexFlags, full: boolean): Promise<boolean> {
  const settings = flags.opensearch!;
  const client = createOpenSearchClient(settings);
  const progress = createProgressDisplay();
  try {
    const report = await publishToOpenSearch(flags.indexDir, {
      client,
      indexPrefix: settings.indexPrefix,
      full,
      shards: settings.shards,
      ...(settings.replicas === undefined ? {} : { replicas: settings.replicas }),
      onProgress: (done, total) => progress.update({ phase: 'sending to OpenSearch', done, total, path: '' }),
    });
    progress.finish();
    console.log(formatPublishReport(report, settings.urls));
    return true;
  } catch (error) {
    progress.finish();
    console.error(`passim index: OpenSearch: ${(error as Error).message}. Searches stay on the indices OpenSearch had; the next run sends what is missing.`);
    return false;
  } finally {
    client.close();
  }
}

const flags = parseFlags();
const exitCode = await runBuild(flags, flags.full);
if (!flags.watch) {
  process.exitCode = exitCode;
} else {
  console.log(`Watching ${flags.corpusDir} for changes (Ctrl-C to stop)`);
  const watcher = watchCorpus(flags.corpusDir, async () => {
    console.log(`\n${new Date().toLocaleTimeString()}: the corpus changed, updating the index`);
    await runBuild(flags, false);
  });
  const stop = () => {
    void watcher.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
