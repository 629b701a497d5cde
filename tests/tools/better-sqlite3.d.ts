/**
 * The part of better-sqlite3's API the FTS5 baselines use. Declared here, not taken from
 * @types/better-sqlite3: the package installs with the tools (tests/tools/package.json), after the
 * root `npm install`, and `npm run typecheck` must pass without it.
 */
declare module 'better-sqlite3' {
  interface Statement {
    run(...parameters: unknown[]): unknown;
    get(...parameters: unknown[]): unknown;
    all(...parameters: unknown[]): unknown[];
  }
  class Database {
    constructor(filename: string);
    exec(sql: string): this;
    prepare(sql: string): Statement;
    transaction<Arguments extends unknown[]>(run: (...parameters: Arguments) => void): (...parameters: Arguments) => void;
    close(): void;
  }
  export default Database;
}
