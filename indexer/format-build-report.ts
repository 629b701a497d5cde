import type { BuildReport } from './index/build-index.ts';

/** The summary printed at the end of an indexing run. */
export function formatBuildReport(report: BuildReport, indexDir: string): string {
  const lines = [
    `Indexed ${report.documents} documents into ${report.passages} passages (${report.words.toLocaleString('en')} words) in ${(report.durationMs / 1000).toFixed(2)} s`,
    `  files read: ${report.filesRead}, skipped: ${report.skipped.length}`,
    `  index: ${indexDir} (${(report.indexBytes / 1024).toFixed(1)} KiB)`,
  ];
  for (const { path, reason } of report.skipped) lines.push(`  skipped ${path}: ${reason}`);
  return lines.join('\n');
}
