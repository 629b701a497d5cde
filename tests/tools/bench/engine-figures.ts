import type { LatencySummary } from './percentiles.ts';
import type { QueryKind } from './query-set.ts';

/** What the benchmark reports for one engine at one scale. */
export interface EngineFigures {
  buildSeconds: number;
  /** Peak resident memory of the process that built (and for Passim, of the server), MB. */
  peakRssMb?: number;
  indexBytes: number;
  /** Time to load the index from its serialized form; null where it does not apply. */
  loadSeconds: number | null;
  /** Per query kind. */
  latency: Partial<Record<QueryKind, LatencySummary>>;
}
