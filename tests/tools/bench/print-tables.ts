import { formatCompression } from './compression-cost.ts';
import type { LatencySummary } from './percentiles.ts';
import { QUERY_KINDS } from './query-set.ts';
import type { ScaleResult } from './scale-result.ts';

const cell = (value: string | number | null | undefined, width: number) => String(value ?? '–').padStart(width);
const ms = (summary: LatencySummary | undefined) => (summary ? `${summary.p50.toFixed(2)}/${summary.p95.toFixed(2)}/${summary.p99.toFixed(2)}` : '–');

/** One table per scale: engines side by side, then Passim's HTTP figures. */
export function printScaleTable(result: ScaleResult): string {
  const engines = Object.entries(result.engines);
  const width = 24;
  const lines = [
    `\n## SOTU x${result.scale}: ${result.documents} documents, ${result.passages} passages`,
    `${'figure'.padEnd(26)}${engines.map(([name]) => cell(name, width)).join('')}`,
    `${'build s'.padEnd(26)}${engines.map(([, f]) => cell(f.buildSeconds.toFixed(2), width)).join('')}`,
    `${'peak RSS MB'.padEnd(26)}${engines.map(([, f]) => cell(f.peakRssMb, width)).join('')}`,
    `${'index MB'.padEnd(26)}${engines.map(([, f]) => cell((f.indexBytes / 1e6).toFixed(1), width)).join('')}`,
    `${'load s'.padEnd(26)}${engines.map(([, f]) => cell(f.loadSeconds === null ? null : f.loadSeconds.toFixed(2), width)).join('')}`,
    `latency ms p50/p95/p99 (Passim: server tookMs incl. snippets and facets)`,
    ...QUERY_KINDS.map((kind) => `${`  ${kind}`.padEnd(26)}${engines.map(([, f]) => cell(ms(f.latency[kind]), width)).join('')}`),
  ];
  const { passim } = result;
  lines.push(
    `Passim over HTTP: cold start to first answer ${passim.coldStartSeconds.toFixed(2)} s, server RSS ${passim.serverRssMb} MB (peak ${passim.serverPeakRssMb} MB), query errors ${passim.queryErrors}`,
    `  server tookMs over all ${passim.mixedTookMs.count} queries (the as-you-type mix) p50/p95/p99 ms: ${ms(passim.mixedTookMs)}`,
    `  HTTP round trip p50/p95/p99 ms: ${QUERY_KINDS.map((kind) => `${kind} ${ms(passim.httpLatency[kind])}`).join(', ')}`,
    ...passim.load.map(
      (load) =>
        `  autocannon ${load.connections} conn x ${load.seconds} s, ${load.workers} worker${load.workers > 1 ? 's' : ''}: ${load.requestsPerSecond} req/s, p50 ${load.latencyP50Ms} ms, p99 ${load.latencyP99Ms} ms, errors ${load.errors}, non-2xx ${load.non2xx}`,
    ),
    formatCompression(passim.compression),
  );
  return lines.join('\n');
}

/** Every scale in one table, side by side: how Passim grows (docs/scaling.md carries it). */
export function printGrowthTable(results: readonly ScaleResult[]): string {
  const header = '| scale | passages | build s | build peak MB | index MB | cold start s | server RSS MB (peak) | one-word p50/p99 ms | typing p99 ms | mix p50/p99/max ms |';
  const rows = results.map(({ scale, passages, engines, passim }) => {
    const passimFigures = engines['Passim']!;
    const oneWord = passimFigures.latency['one-word'];
    const typing = passimFigures.latency.typing;
    const mix = passim.mixedTookMs;
    return `| x${scale} | ${passages.toLocaleString('en')} | ${passimFigures.buildSeconds.toFixed(1)} | ${passimFigures.peakRssMb ?? '–'} | ${(passimFigures.indexBytes / 1e6).toFixed(1)} | ${passim.coldStartSeconds.toFixed(2)} | ${passim.serverRssMb} (${passim.serverPeakRssMb}) | ${oneWord ? `${oneWord.p50.toFixed(2)} / ${oneWord.p99.toFixed(2)}` : '–'} | ${typing ? typing.p99.toFixed(2) : '–'} | ${mix.p50.toFixed(2)} / ${mix.p99.toFixed(2)} / ${mix.max.toFixed(2)} |`;
  });
  return ['\n## Growth (Passim, server tookMs)', header, `|${' --- |'.repeat(10)}`, ...rows].join('\n');
}
