import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** File name of the catalog inside a corpus folder. */
export const CATALOG_FILE = 'catalog.json';

const text = z.string().trim().min(1);

/**
 * Who a document is by: a person (`{ "family": "Roosevelt", "given": "Franklin D." }`) or an
 * organization (`{ "organization": "U.S. Department of State" }`, or just its name as a string).
 */
const authorSchema = z.union([
  text.transform((organization) => ({ organization })),
  z.strictObject({ organization: text }),
  z.strictObject({ family: text, given: text.optional(), suffix: text.optional() }),
]);

/** What a catalog can say about who and what, for a source's every document or for one document. */
const citedAs = {
  author: authorSchema.optional(),
  /** The kind of document: `speech`, `press release`, `transcript`, `statement`, `interview`, … */
  kind: text.transform((kind) => kind.toLowerCase()).optional(),
  /** What the document belongs to: a series or an occasion ("State of the Union Address"). */
  container: text.optional(),
};

const catalogSchema = z.strictObject({
  sources: z.record(z.string(), z.strictObject({ name: text.optional(), ...citedAs })).default({}),
  documents: z
    .record(
      z.string(),
      z.strictObject({
        title: z.string().trim().min(1).optional(),
        /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a year may be a number). */
        date: z.union([z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'), z.number().int().min(1000).max(2999)]).optional(),
        url: z.string().trim().min(1).optional(),
        lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code (en, fr, nl)').optional(),
        ...citedAs,
      }),
    )
    .default({}),
});

/**
 * Optional labels for a corpus: per source folder a display name and, for all its documents, an
 * author, a kind and a container; per document path (relative to the corpus, forward slashes;
 * `file.jsonl#id` for a record) a title, date, address, language, author, kind or container.
 * The catalog wins over what a file declares; anything it does not name comes from the file.
 */
export type Catalog = z.infer<typeof catalogSchema>;

export const EMPTY_CATALOG: Catalog = { sources: {}, documents: {} };

export type CatalogResult = { catalog: Catalog; problem?: string };

/** Reads the corpus catalog. A missing catalog is normal; a broken one is reported and ignored. */
export async function readCatalog(corpusDir: string): Promise<CatalogResult> {
  let raw: string;
  try {
    raw = await readFile(join(corpusDir, CATALOG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { catalog: EMPTY_CATALOG };
    return { catalog: EMPTY_CATALOG, problem: `cannot read ${CATALOG_FILE}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { catalog: EMPTY_CATALOG, problem: `${CATALOG_FILE} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    return { catalog: EMPTY_CATALOG, problem: `${CATALOG_FILE} is not a valid catalog at ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { catalog: parsed.data };
}
