import type { ArchiveSummary, FacetValue } from '../api/types.ts';
import type { LoadedIndex } from './loaded-index.ts';

/** Sources and speakers listed. */
const LARGEST = 5;

const summaries = new WeakMap<LoadedIndex, ArchiveSummary>();

/** The largest sources and speakers by passages, and the first and last dates: once per loaded index. */
export function summarizeArchive(index: LoadedIndex): ArchiveSummary {
  const known = summaries.get(index);
  if (known) return known;
  const sources = new Map<string, FacetValue>();
  const speakers = new Map<string, FacetValue>();
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const document of index.documents.values()) {
    const source = sources.get(document.source) ?? { value: document.source, label: document.sourceName, count: 0 };
    source.count += document.passages.length;
    sources.set(document.source, source);
    for (const passage of document.passages) {
      if (passage.speaker === undefined) continue;
      const speaker = speakers.get(passage.speaker) ?? { value: passage.speaker, label: passage.speakerName ?? passage.speaker, count: 0 };
      speaker.count += 1;
      speakers.set(passage.speaker, speaker);
    }
    if (document.date !== undefined) {
      if (firstDate === undefined || document.date < firstDate) firstDate = document.date;
      if (lastDate === undefined || document.date > lastDate) lastDate = document.date;
    }
  }
  const largest = (values: Map<string, FacetValue>) => [...values.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, LARGEST);
  const summary: ArchiveSummary = {
    sources: largest(sources),
    speakers: largest(speakers),
    ...(firstDate === undefined ? {} : { firstDate }),
    ...(lastDate === undefined ? {} : { lastDate }),
  };
  summaries.set(index, summary);
  return summary;
}
