import type { CompressionFigures } from './compression-cost.ts';
import type { EngineFigures } from './engine-figures.ts';
import type { LoadFigures } from './http-load.ts';
import type { LatencySummary } from './percentiles.ts';
import type { QueryKind } from './query-set.ts';
import type { SwapStallFigures } from './swap-stall.ts';

/** Everything measured at one scale; written to the results JSON. */
export interface ScaleResult {
  scale: number;
  documents: number;
  passages: number;
  queriesPerKind: number;
  engines: Record<string, EngineFigures>;
  /** Engines not run at this scale, each with why. */
  skipped?: string[];
  passim: {
    coldStartSeconds: number;
    serverRssMb: number;
    serverPeakRssMb: number;
    queryErrors: number;
    httpLatency: Partial<Record<QueryKind, LatencySummary>>;
    /** Server `tookMs` over all kinds together. */
    mixedTookMs: LatencySummary;
    load: LoadFigures[];
    /** Cold start, and searches during an index swap (swap-stall.ts). */
    swap: SwapStallFigures;
    /** What compressing the search answers costs and saves (compression-cost.ts). */
    compression: CompressionFigures;
  };
}
