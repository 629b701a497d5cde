import type { SearchHit } from '../../../server/api/types.ts';

export interface HitGroup {
  docId: string;
  /** The document's hits on this page, best first; the first one stands for the group. */
  hits: [SearchHit, ...SearchHit[]];
}

/**
 * Hits of one document gathered under its best-ranked hit, so a long document that
 * matches everywhere does not push the other documents off the page. Groups keep
 * the rank of their best hit, and hits keep their rank inside a group.
 */
export function groupHits(hits: SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.docId);
    if (group) group.hits.push(hit);
    else groups.set(hit.docId, { docId: hit.docId, hits: [hit] });
  }
  return [...groups.values()];
}

/** The number of documents, when every matching passage is on this page; otherwise unknown from one page. */
export function countDocuments(hits: SearchHit[], total: number): number | undefined {
  if (hits.length < total) return undefined;
  return new Set(hits.map((hit) => hit.docId)).size;
}
