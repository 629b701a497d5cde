import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BROTLI_QUALITY } from '../../../server/http/compress-answers.ts';
import { summarizeLatencies } from './percentiles.ts';

/** What compressing search answers costs and saves: sizes plain and compressed, and CPU time per answer. */
export interface CompressionFigures {
  answers: number;
  /** Median size of a plain answer holding 10 hits, bytes (search answers carry no citations: they are formatted where used), and how many such answers. */
  tenHitBytes: number;
  tenHitAnswers: number;
  /** Median answer size, KB: plain, brotli, gzip. */
  plainKb: number;
  brotliKb: number;
  gzipKb: number;
  /** Median CPU time to compress one answer, ms. */
  brotliMs: number;
  gzipMs: number;
}

/**
 * The search answers for `paths`, fetched uncompressed, then compressed as the `compression`
 * server does: brotli at the server's quality (`BROTLI_QUALITY`) and gzip at zlib's default level. Timed here,
 * in one process, so the figure is the compression alone, not the network or the search.
 */
export async function measureCompression(url: string, paths: readonly string[]): Promise<CompressionFigures> {
  const answers: Buffer[] = [];
  for (const path of paths) {
    const response = await fetch(url + path, { headers: { 'accept-encoding': 'identity' } });
    if (response.ok) answers.push(Buffer.from(await response.arrayBuffer()));
  }
  const brotli = (body: Buffer) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  // Warm both compressors before timing.
  for (const body of answers.slice(0, 20)) {
    brotli(body);
    gzipSync(body);
  }
  const time = (compress: (body: Buffer) => Buffer) => {
    const sizes: number[] = [];
    const times: number[] = [];
    for (const body of answers) {
      const start = performance.now();
      sizes.push(compress(body).length);
      times.push(performance.now() - start);
    }
    return { kb: summarizeLatencies(sizes).p50 / 1024, ms: summarizeLatencies(times).p50 };
  };
  const tenHits = answers.filter((body) => (JSON.parse(body.toString('utf8')) as { hits?: unknown[] }).hits?.length === 10).map((body) => body.length);
  const br = time(brotli);
  const gz = time((body) => gzipSync(body));
  return {
    answers: answers.length,
    tenHitBytes: tenHits.length === 0 ? 0 : summarizeLatencies(tenHits).p50,
    tenHitAnswers: tenHits.length,
    plainKb: summarizeLatencies(answers.map((body) => body.length)).p50 / 1024,
    brotliKb: br.kb,
    gzipKb: gz.kb,
    brotliMs: br.ms,
    gzipMs: gz.ms,
  };
}

export function formatCompression(figures: CompressionFigures): string {
  const kb = (value: number) => value.toFixed(1);
  return (
    `  a 10-hit search answer: ${Math.round(figures.tenHitBytes).toLocaleString('en')} bytes plain (median of ${figures.tenHitAnswers})\n` +
    `  compression of ${figures.answers} search answers (median): ${kb(figures.plainKb)} KB plain, ` +
    `brotli q${BROTLI_QUALITY} ${kb(figures.brotliKb)} KB in ${figures.brotliMs.toFixed(2)} ms CPU, gzip ${kb(figures.gzipKb)} KB in ${figures.gzipMs.toFixed(2)} ms CPU`
  );
}
