import { readBuiltIndex } from '../index/read-built-index.ts';
import type { OpenSearchClient } from './opensearch-client.ts';
import { reasonForFullBuild, updateOpenSearchBuild, type OpenSearchUpdateReport } from './update-opensearch-build.ts';
import { writeOpenSearchBuild, type OpenSearchWriteReport, type WriteOpenSearchOptions } from './write-opensearch-build.ts';

export interface PublishOptions extends Omit<WriteOpenSearchOptions, 'client'> {
  client: OpenSearchClient;
  /** Write new indices even when the current ones could be updated in place (`--full`). */
  full: boolean;
}

export type PublishReport =
  | ({ kind: 'full'; reason: string; durationMs: number } & OpenSearchWriteReport)
  | ({ kind: 'update'; durationMs: number } & OpenSearchUpdateReport);

/**
 * Puts the index a build wrote to `indexDir` into OpenSearch: new versioned indices and an alias swap
 * when asked, when there are none yet or when they were written under other rules; otherwise only
 * what changed since the documents OpenSearch holds (which also finishes an update cut short).
 */
export async function publishToOpenSearch(indexDir: string, options: PublishOptions): Promise<PublishReport> {
  const startedAt = performance.now();
  const build = await readBuiltIndex(indexDir);
  const reason = options.full ? 'asked for (--full)' : await reasonForFullBuild(options.client, options.indexPrefix, build);
  if (reason !== undefined) {
    const written = await writeOpenSearchBuild(build, options);
    return { kind: 'full', reason, ...written, durationMs: performance.now() - startedAt };
  }
  const updated = await updateOpenSearchBuild(build, options);
  return { kind: 'update', ...updated, durationMs: performance.now() - startedAt };
}

/** The report's line under the build's summary. */
export function formatPublishReport(report: PublishReport, urls: readonly string[]): string {
  const where = `OpenSearch ${urls.join(',')}`;
  const seconds = `${(report.durationMs / 1000).toFixed(2)} s`;
  const retries = (report.kind === 'full' ? [report.bulk] : report.bulk).reduce((sum, bulk) => sum + bulk.retries, 0);
  const busy = retries > 0 ? `; ${retries} requests sent again after OpenSearch was too busy` : '';
  if (report.kind === 'full') {
    return `  ${where}: new indices ${report.indices.passages} (${report.passages} passages), ${report.indices.documents} (${report.documents} documents), ${report.indices.terms} (${report.terms} terms) in ${seconds}, aliases moved (full build: ${report.reason})${busy}`;
  }
  if (report.unchanged) return `  ${where}: up to date (checked in ${seconds})`;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `  ${where}: ${count(report.documentsSent, 'document')} sent (${count(report.passagesSent, 'passage')}), ${report.documentsRemoved} removed (${count(report.passagesRemoved, 'passage')} deleted), vocabulary in ${report.termsIndex}, in ${seconds}${busy}`;
}
