import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The kinds of queries the evaluation set holds, in the order the tables show them. */
export const EVAL_KINDS = ['known-item', 'two-words', 'inflection', 'misspelled-1', 'misspelled-2', 'half-typed', 'extra-word', 'topical'] as const;
export type EvalKind = (typeof EVAL_KINDS)[number];

/**
 * A passage a query should find, named so that it survives changes to the chunking: the document's
 * path in the corpus and a few words the passage must contain, exactly as the document writes them
 * (white space may differ).
 */
export interface EvalTarget {
  path: string;
  excerpt: string;
  /** 2: the passage the user means, or a passage squarely on the topic; 1: a relevant one. Default 2. */
  grade?: number;
}

export interface EvalQuery {
  id: string;
  kind: EvalKind;
  /** As the user types it: the last word may be unfinished, so engines treat it as a prefix. */
  q: string;
  targets: EvalTarget[];
  /** For a query made from a known-item query (misspelled, half typed, …): the id of that clean query. */
  twin?: string;
  /** How the query was made from its clean version, for review (`presidents -> presidnets`). */
  note?: string;
}

export interface EvalQueryFile {
  /** How the file was made. */
  about: string;
  queries: EvalQuery[];
}

export const QUERY_FILES = {
  generated: resolve(import.meta.dirname, 'queries.json'),
  topical: resolve(import.meta.dirname, 'topical.json'),
} as const;

export async function readQueryFile(path: string): Promise<EvalQueryFile> {
  return JSON.parse(await readFile(path, 'utf8')) as EvalQueryFile;
}

/** JSON with one query per line, so a review or a diff reads query by query. */
export function formatQueryFile(file: EvalQueryFile): string {
  const lines = file.queries.map(({ id, kind, q, note, twin, targets }) => `    ${JSON.stringify({ id, kind, q, note, twin, targets })}`);
  return `{\n  "about": ${JSON.stringify(file.about)},\n  "queries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
