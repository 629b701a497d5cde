import { summarizeLatencies, type LatencySummary } from './percentiles.ts';
import type { BenchQuery, QueryKind } from './query-set.ts';

/** Times each query once, in order, and summarizes the latencies per kind (ms). */
export function timeQueries(queries: BenchQuery[], run: (query: BenchQuery) => number): Partial<Record<QueryKind, LatencySummary>> {
  // A short warm-up so the first timings measure the engine, not the JIT.
  for (const query of queries.slice(0, 20)) run(query);
  const samples = new Map<QueryKind, number[]>();
  for (const query of queries) {
    const start = performance.now();
    run(query);
    const elapsed = performance.now() - start;
    samples.set(query.kind, [...(samples.get(query.kind) ?? []), elapsed]);
  }
  return Object.fromEntries([...samples].map(([kind, values]) => [kind, summarizeLatencies(values)]));
}
