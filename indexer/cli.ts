import { parseArgs } from 'node:util';
import { buildIndex } from './index/build-index.ts';
import { formatBuildReport } from './format-build-report.ts';

const USAGE = 'usage: npm run index -- [--corpus DIR] [--index DIR]   (defaults: data/corpus, data/index)';

function parseFlags(): { corpusDir: string; indexDir: string } {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'data/corpus' },
        index: { type: 'string', default: 'data/index' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return { corpusDir: values.corpus, indexDir: values.index };
  } catch (error) {
    console.error(`passim index: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { corpusDir, indexDir } = parseFlags();
try {
  const report = await buildIndex({ corpusDir, indexDir, onProblem: (message) => console.error(`warning: ${message}`) });
  console.log(formatBuildReport(report, indexDir));
  // 1 tells scripts that the index is complete but some input was left out.
  process.exitCode = report.skipped.length > 0 ? 1 : 0;
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? `corpus folder "${corpusDir}" does not exist` : (error as Error).message;
  console.error(`passim index: ${reason}. The previous index, if any, is untouched.`);
  process.exit(2);
}
