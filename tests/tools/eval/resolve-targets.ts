import type { StoredDocument } from '../../../indexer/index/index-format.ts';
import type { EvalQuery } from './eval-query.ts';

/** A target found in the built index: the passages holding its excerpt. */
export interface ResolvedTarget {
  passageIds: string[];
  grade: number;
}

export interface ResolvedQuery extends EvalQuery {
  resolved: ResolvedTarget[];
}

/** White space collapsed to one space, with each kept character's offset in the original text. */
function collapseSpace(text: string): { flat: string; offsets: number[] } {
  let flat = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      if (inSpace) continue;
      inSpace = true;
      flat += ' ';
    } else {
      inSpace = false;
      flat += char;
    }
    offsets.push(at);
  }
  return { flat, offsets };
}

/**
 * Finds each target's excerpt in its document (white space may differ, nothing else) and names the
 * passages that hold it: the passage containing the whole excerpt, or, when the passages were cut
 * inside it, every passage it overlaps. Queries with a target that is missing or ambiguous are
 * returned in `problems`, not guessed at.
 */
export function resolveTargets(queries: readonly EvalQuery[], documents: readonly StoredDocument[]): { resolved: ResolvedQuery[]; problems: string[] } {
  const byPath = new Map(documents.map((document) => [document.path, document]));
  const flattened = new Map<string, ReturnType<typeof collapseSpace>>();
  const resolved: ResolvedQuery[] = [];
  const problems: string[] = [];
  for (const query of queries) {
    const targets: ResolvedTarget[] = [];
    for (const target of query.targets) {
      const document = byPath.get(target.path);
      if (!document) {
        problems.push(`${query.id}: no document ${target.path}`);
        continue;
      }
      let flat = flattened.get(document.id);
      if (!flat) flattened.set(document.id, (flat = collapseSpace(document.text)));
      const excerpt = target.excerpt.replace(/\s+/g, ' ');
      const at = flat.flat.indexOf(excerpt);
      if (at === -1 || flat.flat.indexOf(excerpt, at + 1) !== -1) {
        problems.push(`${query.id}: "${target.excerpt}" is ${at === -1 ? 'not' : 'more than once'} in ${target.path}`);
        continue;
      }
      const start = flat.offsets[at]!;
      const end = flat.offsets[at + excerpt.length - 1]! + 1;
      const holding = document.passages.filter((passage) => passage.start <= start && passage.end >= end);
      const overlapping = holding.length > 0 ? holding : document.passages.filter((passage) => passage.start < end && passage.end > start);
      targets.push({ passageIds: overlapping.map((passage) => passage.id), grade: target.grade ?? 1 });
    }
    if (targets.length === query.targets.length) resolved.push({ ...query, resolved: targets });
  }
  return { resolved, problems };
}
