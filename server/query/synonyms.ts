import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findWordTerms } from './find-word-terms.ts';

/** One way of saying something in a synonym group: as written in the file and as analyzed terms. */
export interface SynonymForm {
  text: string;
  terms: string[];
}

/** Groups of equivalent words and phrases, with each form's group found by its first term. */
export interface SynonymTable {
  groups: SynonymForm[][];
  /** First analyzed term -> the forms starting with it and the group each belongs to. */
  byFirstTerm: Map<string, { form: SynonymForm; group: SynonymForm[] }[]>;
}

/** The synonyms file read when the server starts: `data/synonyms.txt`, documented at its top. */
export const SYNONYMS_FILE = resolve(import.meta.dirname, '../../data/synonyms.txt');

/** Reads a synonyms file: a group per line, forms separated by commas, `#` comments. */
export function parseSynonyms(text: string): SynonymTable {
  const groups: SynonymForm[][] = [];
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('#')) continue;
    const forms = line
      .split(',')
      .map((form) => ({ text: form.trim(), terms: findWordTerms(form).map((word) => word.term) }))
      .filter((form) => form.terms.length > 0);
    if (forms.length >= 2) groups.push(forms);
  }
  const byFirstTerm: SynonymTable['byFirstTerm'] = new Map();
  for (const group of groups) {
    for (const form of group) {
      const first = form.terms[0]!;
      byFirstTerm.set(first, [...(byFirstTerm.get(first) ?? []), { form, group }]);
    }
  }
  return { groups, byFirstTerm };
}

let loaded: SynonymTable | undefined;

/** The server's synonyms, read once from `data/synonyms.txt`; none when the file is missing. */
export function defaultSynonyms(): SynonymTable {
  if (!loaded) {
    let text = '';
    try {
      text = readFileSync(SYNONYMS_FILE, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    loaded = parseSynonyms(text);
  }
  return loaded;
}
