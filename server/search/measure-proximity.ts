/** A matched word: its position among the passage's words and the query term it matched. */
export interface PlacedTerm {
  index: number;
  term: string;
}

/**
 * How close together the query terms stand in a passage, from 0 (far apart) to 1 (side by side):
 * the fewest words a stretch holding every matched term can have, over the words of that stretch.
 * Undefined when fewer than two terms matched, where closeness means nothing.
 */
export function measureProximity(highlights: readonly PlacedTerm[], termWidths: ReadonlyMap<string, number>): number | undefined {
  const needed = new Set(highlights.map((highlight) => highlight.term));
  if (needed.size < 2) return undefined;
  const ideal = [...needed].reduce((sum, term) => sum + (termWidths.get(term) ?? 1), 0);
  const inWindow = new Map<string, number>();
  let shortest = Number.POSITIVE_INFINITY;
  let first = 0;
  for (const highlight of highlights) {
    inWindow.set(highlight.term, (inWindow.get(highlight.term) ?? 0) + 1);
    while (inWindow.size === needed.size) {
      const head = highlights[first]!;
      shortest = Math.min(shortest, highlight.index - head.index + 1);
      const left = inWindow.get(head.term)! - 1;
      if (left === 0) inWindow.delete(head.term);
      else inWindow.set(head.term, left);
      first += 1;
    }
  }
  return Math.min(1, ideal / shortest);
}
