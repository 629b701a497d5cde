import { parseArgs } from 'node:util';
import { buildIndex, BuildIndexError, type BuildReport } from './build/build-index.ts';
import { formatBuildReport } from './format-build-report.ts';
import { createProgressDisplay } from './progress-display.ts';
import { watchCorpus } from './watch-corpus.ts';

const USAGE = `usage: npm run index -- [--corpus DIR] [--index DIR] [--full] [--watch] [--max-file-mb N]
  --corpus DIR      the corpus folder (default data/corpus)
  --index DIR       where the index goes (default data/index)
  --full            read every file again, even those unchanged since the last build
  --watch           after building, rebuild whenever files in the corpus change (Ctrl-C to stop)
  --max-file-mb N   skip files larger than N MiB (default 64)
exit code: 0 all files indexed, 1 some files skipped, 2 nothing indexed or the run failed`;

interface IndexFlags {
  corpusDir: string;
  indexDir: string;
  full: boolean;
  watch: boolean;
  maxFileBytes: number;
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
    return { corpusDir: values.corpus, indexDir: values.index, full: values.full, watch: values.watch, maxFileBytes: maxFileMb * 1024 * 1024 };
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
