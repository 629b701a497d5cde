import type { BuildReport } from './build/build-index.ts';

/** The summary printed at the end of an indexing run: what was read, what was skipped and why, what was built. */
export function formatBuildReport(report: BuildReport, indexDir: string): string {
  const lines = [
    report.unchanged
      ? `The index is up to date (${report.documents} documents, ${report.passages} passages); checked in ${(report.durationMs / 1000).toFixed(2)} s`
      : `Indexed ${report.documents} documents into ${report.passages} passages (${report.words.toLocaleString('en')} words) in ${(report.durationMs / 1000).toFixed(2)} s${report.documentsBuilt < report.documents ? `; ${report.documentsBuilt} made anew, the others kept from the previous index` : ''}`,
    `  files: ${report.filesSeen} in the corpus, ${report.filesRead} read (${report.filesParsed} new or changed)${report.filesReused > 0 ? `, ${report.filesReused} unchanged and not opened` : ''}, ${report.skipped.length} skipped`,
    `  index: ${indexDir} (${formatBytes(report.indexBytes)})`,
    formatDateLine(report),
  ];
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  for (const { path, reason } of report.skipped) lines.push(`  skipped ${path}: ${reason}`);
  const { undated } = report.dates;
  for (const path of undated.slice(0, MAX_UNDATED_LISTED)) lines.push(`  undated ${path}`);
  if (undated.length > MAX_UNDATED_LISTED) lines.push(`  undated: ${undated.length - MAX_UNDATED_LISTED} more (each document's date and where it came from: GET /api/documents/:id)`);
  return lines.join('\n');
}

/** Undated documents named one per line; past this many, only counted. */
const MAX_UNDATED_LISTED = 20;

/** `  dates: 230 from the path, 3 from the text; 3 undated`. */
function formatDateLine({ dates, documents }: BuildReport): string {
  const places = [
    ['catalog', 'the catalog'],
    ['declared', 'the files’ metadata'],
    ['path', 'the path'],
    ['text', 'the text'],
  ] as const;
  const counted = places.filter(([place]) => dates[place] > 0).map(([place, name]) => `${dates[place]} from ${name}`);
  const dated = documents - dates.undated.length;
  return `  dates: ${dated} of ${documents} documents dated${counted.length > 0 ? ` (${counted.join(', ')})` : ''}; ${dates.undated.length} undated`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
