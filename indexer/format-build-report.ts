import type { BuildReport } from './build/build-index.ts';

/** The summary printed at the end of an indexing run: what was read, what was skipped and why, what was built. */
export function formatBuildReport(report: BuildReport, indexDir: string): string {
  const lines = [
    report.unchanged
      ? `The index is up to date (${report.documents} documents, ${report.passages} passages); checked in ${(report.durationMs / 1000).toFixed(2)} s`
      : `Indexed ${report.documents} documents into ${report.passages} passages (${report.words.toLocaleString('en')} words) in ${(report.durationMs / 1000).toFixed(2)} s${report.documentsBuilt < report.documents ? `; ${report.documentsBuilt} made anew, the others kept from the previous index` : ''}`,
    `  files: ${report.filesSeen} in the corpus, ${report.filesRead} read (${report.filesParsed} new or changed)${report.filesReused > 0 ? `, ${report.filesReused} unchanged and not opened` : ''}, ${report.skipped.length} skipped`,
    `  index: ${indexDir} (${formatBytes(report.indexBytes)})`,
  ];
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  for (const { path, reason } of report.skipped) lines.push(`  skipped ${path}: ${reason}`);
  return lines.join('\n');
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
