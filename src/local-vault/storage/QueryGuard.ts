import type Database from 'better-sqlite3';
import { VaultError, badRequest } from '../errors.js';
import { keywords } from './sql.js';

/** Rows of a query with, for each result column, the vault column it came from. */
export interface QueryResult {
  columns: Array<{ name: string; table: string | null; column: string | null }>;
  rows: unknown[][];
}

// EXPLAIN opcodes that open a b-tree; p2 is its root page, p3 the database.
const OPEN_OPCODES = new Set(['OpenRead', 'OpenWrite', 'ReopenIdx', 'OpenDup']);

/**
 * Lets through exactly one read-only SELECT that touches vault tables only.
 * Read-only is checked by SQLite itself (`stmt.readonly`); which tables a
 * statement opens is read from its EXPLAIN program, so no SQL parsing is
 * trusted for access control. CTEs are refused because a recursive one can
 * run forever, and the synchronous engine could not be interrupted.
 */
export class QueryGuard {
  readonly #db: Database.Database;
  readonly #tables: readonly string[];
  #allowedPages: Set<number> | undefined;

  constructor(db: Database.Database, tables: readonly string[]) {
    this.#db = db;
    this.#tables = tables;
  }

  run(sql: string, maxRows: number): QueryResult {
    const words = keywords(sql);
    if (words[0] !== 'SELECT') throw badRequest('Invalid query: only a single SELECT statement is allowed.');
    if (words.includes('WITH')) throw badRequest('Invalid query: WITH clauses are not supported.');

    const statement = this.#prepare(sql);
    if (!statement.reader || !statement.readonly) {
      throw badRequest('Invalid query: only a single SELECT statement is allowed.');
    }
    this.#assertVaultTablesOnly(sql);

    const columns = statement.columns().map((c) => ({ name: c.name, table: c.table, column: c.column }));
    const rows: unknown[][] = [];
    try {
      for (const row of statement.raw(true).iterate() as IterableIterator<unknown[]>) {
        if (rows.length === maxRows) {
          throw badRequest(`Invalid query: the result has more than ${maxRows} rows; add a LIMIT clause.`);
        }
        rows.push(row);
      }
    } catch (error) {
      // A statement that prepares can still fail while it runs, on what the
      // caller wrote: `abs(-9223372036854775808)` (integer overflow),
      // `json('x')`, `randomblob(2000000000)` (too big). That is a bad query,
      // not a vault failure (it was a 500). SQLite's text may quote a stored
      // value (`json_extract('{}', cvv)`), so the message does not repeat it.
      if (error instanceof VaultError || !isSqliteError(error)) throw error;
      throw badRequest(
        error.code === 'SQLITE_TOOBIG'
          ? 'Invalid query: a value in the result is too large.'
          : 'Invalid query: the statement failed while running.',
      );
    }
    return { columns, rows };
  }

  #prepare(sql: string): Database.Statement {
    try {
      return this.#db.prepare(sql);
    } catch (error) {
      throw badRequest(`Invalid query: ${describeSqlError(error)}`);
    }
  }

  #assertVaultTablesOnly(sql: string): void {
    const allowed = this.#pages();
    const program = this.#db.prepare(`EXPLAIN ${sql}`).all() as Array<{ opcode: string; p2: number; p3: number }>;
    for (const step of program) {
      const opensTree = OPEN_OPCODES.has(step.opcode);
      if (step.opcode === 'VOpen' || (opensTree && (step.p3 !== 0 || !allowed.has(step.p2)))) {
        throw badRequest('Invalid query: only vault tables can be queried.');
      }
    }
  }

  // Root pages of the vault tables and their indexes. They are fixed once the
  // store has migrated, as the vault never runs VACUUM or DDL afterwards.
  #pages(): Set<number> {
    if (!this.#allowedPages) {
      const rows = this.#db
        .prepare(
          `SELECT rootpage FROM sqlite_schema WHERE tbl_name IN (${this.#tables.map(() => '?').join(', ')}) AND rootpage > 0`,
        )
        .all(...this.#tables) as Array<{ rootpage: number }>;
      this.#allowedPages = new Set(rows.map((row) => row.rootpage));
    }
    return this.#allowedPages;
  }
}

// SQLite quotes the text an error is about. A table name is safe to repeat;
// a syntax error or an unknown "column" may quote a literal value (a value in
// double quotes reads as a column name), so those messages say less.
function describeSqlError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/more than one statement/i.test(message)) return 'only a single SELECT statement is allowed.';
  if (/^no such table: [A-Za-z0-9_.]+$/.test(message)) return `${message}.`;
  if (/no such column/i.test(message)) return 'a column named in the query does not exist.';
  if (/syntax error|unrecognized token|incomplete input/i.test(message)) return 'SQL syntax error.';
  return 'the statement cannot be prepared.';
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'SqliteError' && typeof (error as { code?: unknown }).code === 'string';
}
