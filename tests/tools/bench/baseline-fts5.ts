import Database from 'better-sqlite3';
import type { BenchPassage, BenchQuery } from './query-set.ts';
import type { EngineFigures } from './engine-figures.ts';
import { timeQueries } from './time-queries.ts';

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** An FTS5 MATCH expression: AND (implicit) or OR of the words; the typed word is a prefix; phrases quoted. */
function toMatch(query: BenchQuery, mode: 'and' | 'or'): string {
  if (query.phrase) return quote(query.words.join(' '));
  const terms = query.words.map((word, index) => (query.kind === 'typing' && index === query.words.length - 1 ? `${quote(word)}*` : quote(word)));
  return terms.join(mode === 'and' ? ' ' : ' OR ');
}

/**
 * SQLite FTS5 with bm25 ranking (unicode61 tokenizer, diacritics removed), top 10 by rank, in a
 * file-less database. No typo tolerance: a misspelled word finds nothing.
 */
export function benchFts5(passages: BenchPassage[], queries: BenchQuery[], mode: 'and' | 'or'): EngineFigures {
  const buildStart = performance.now();
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE passages USING fts5(text, source UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO passages (rowid, text, source) VALUES (?, ?, ?)');
  db.transaction(() => passages.forEach((passage, id) => insert.run(id, passage.text, passage.source)))();
  db.exec("INSERT INTO passages(passages) VALUES('optimize')");
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const { bytes } = db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()').get() as { bytes: number };

  const plain = db.prepare('SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT 10');
  const bySource = db.prepare('SELECT rowid FROM passages WHERE passages MATCH ? AND source = ? ORDER BY bm25(passages) LIMIT 10');
  const latency = timeQueries(queries, (query) =>
    (query.source === undefined ? plain.all(toMatch(query, mode)) : bySource.all(toMatch(query, mode), query.source)).length,
  );
  db.close();
  // An in-memory database has nothing to load; the figure is left empty rather than invented.
  return { buildSeconds, indexBytes: bytes, loadSeconds: null, latency };
}
