/** How a kind of document is named in a sentence's first word ("Speech", "Press release"): for described titles and citations' genres. */
const KIND_LABELS: Record<string, string> = {
  speech: 'Speech',
  'press release': 'Press release',
  transcript: 'Transcript',
  statement: 'Statement',
  interview: 'Interview',
  'press availability': 'Press availability',
  briefing: 'Briefing',
  letter: 'Letter',
};

/** `press release` → `Press release`; a kind not listed, capitalized as written. */
export function labelKind(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}
