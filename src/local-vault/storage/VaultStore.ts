import Database from 'better-sqlite3';
import type { Column, ResolvedSchema, Table } from '../schema/resolve-schema.js';
import { SKYFLOW_ID } from '../schema/resolve-schema.js';
import type { StoredValue } from '../vault/values.js';
import { ident, placeholders } from './sql.js';
import { QueryGuard, type QueryResult } from './QueryGuard.js';

/** A row as SQLite returns it: `skyflow_id` plus one entry per column. */
export type Row = Record<string, unknown> & { skyflow_id: string };

/** Token of a value: which scope it belongs to and the value's key there. */
export interface TokenEntry {
  scope: string;
  valueKey: string;
}

const TOKENS = '_sb_tokens';
const MAX_CACHED_STATEMENTS = 1000;
// SQLite caps bound parameters per statement; lists of ids are sent in slices.
const MAX_PARAMS = 500;

const sqlTypes: Record<Column['type'], string> = {
  string: 'TEXT',
  integer: 'INTEGER',
  float: 'REAL',
  boolean: 'INTEGER',
  date: 'TEXT',
  datetime: 'TEXT',
  json: 'TEXT',
};

/**
 * The SQLite storage of a local vault: one SQL table per vault table (same
 * names, so that the query endpoint reads naturally), and one internal table
 * that maps tokens to values. It knows rows and SQL; the vault's rules live in
 * `Vault`.
 */
export class VaultStore {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #queryGuard: QueryGuard;

  /** Opens (and creates or migrates) the store; `file` undefined keeps it in memory. */
  constructor(file: string | undefined, schema: ResolvedSchema) {
    this.#db = new Database(file ?? ':memory:');
    if (file !== undefined) {
      // WAL: readers never block the writer, and a committed write survives a
      // killed process (NORMAL syncs at checkpoints, enough for a process crash).
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
    }
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate(schema);
    this.#queryGuard = new QueryGuard(this.#db, [...schema.tables.keys()]);
  }

  /** Runs `work` in one transaction (a savepoint when nested): all of it or none. */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  insertRow(table: string, id: string, values: ReadonlyArray<readonly [string, StoredValue]>): void {
    const names = [SKYFLOW_ID, ...values.map(([name]) => name)];
    this.#run(
      `INSERT INTO ${ident(table)} (${names.map(ident).join(', ')}) VALUES (${placeholders(names.length)})`,
      [id, ...values.map(([, value]) => value)],
    );
  }

  /** Returns false when no row has this id. */
  updateRow(table: string, id: string, values: ReadonlyArray<readonly [string, StoredValue]>): boolean {
    if (values.length === 0) return this.getRow(table, id) !== undefined;
    const assignments = values.map(([name]) => `${ident(name)} = ?`).join(', ');
    return (
      this.#run(`UPDATE ${ident(table)} SET ${assignments} WHERE ${SKYFLOW_ID} = ?`, [
        ...values.map(([, value]) => value),
        id,
      ]).changes > 0
    );
  }

  /** Returns false when no row has this id. */
  deleteRow(table: string, id: string): boolean {
    return this.#run(`DELETE FROM ${ident(table)} WHERE ${SKYFLOW_ID} = ?`, [id]).changes > 0;
  }

  getRow(table: string, id: string): Row | undefined {
    return this.#statement(`SELECT * FROM ${ident(table)} WHERE ${SKYFLOW_ID} = ?`).get(id) as Row | undefined;
  }

  /** Rows with these ids, in the order of `ids`; unknown ids are left out. */
  getRowsByIds(table: string, ids: readonly string[]): Row[] {
    return this.#rowsWhereIn(table, SKYFLOW_ID, ids, (row) => row.skyflow_id);
  }

  /** Rows whose `column` holds one of `values`, in the order of `values`. */
  getRowsByColumn(table: string, column: string, values: readonly StoredValue[]): Row[] {
    return this.#rowsWhereIn(table, column, values, (row) => row[column] as StoredValue);
  }

  /** A page of rows in insertion order (or its reverse). */
  listRows(table: string, offset: number, limit: number, descending: boolean): Row[] {
    const order = descending ? 'DESC' : 'ASC';
    return this.#statement(`SELECT * FROM ${ident(table)} ORDER BY rowid ${order} LIMIT ? OFFSET ?`).all(
      limit,
      offset,
    ) as Row[];
  }

  /** The id of the row whose `column` holds `value`, if any (for unique columns). */
  findId(table: string, column: string, value: StoredValue): string | undefined {
    const row = this.#statement(`SELECT ${SKYFLOW_ID} FROM ${ident(table)} WHERE ${ident(column)} = ? LIMIT 1`).get(
      value,
    ) as { skyflow_id: string } | undefined;
    return row?.skyflow_id;
  }

  /** Whether any of these columns still holds `value` in some row. */
  holdsValue(columns: readonly Column[], value: StoredValue): boolean {
    return columns.some(
      (column) =>
        this.#statement(`SELECT 1 FROM ${ident(column.table)} WHERE ${ident(column.name)} = ? LIMIT 1`).get(value) !==
        undefined,
    );
  }

  tokenOf(scope: string, valueKey: string): string | undefined {
    const row = this.#statement(`SELECT token FROM ${TOKENS} WHERE scope = ? AND value_key = ?`).get(scope, valueKey) as
      | { token: string }
      | undefined;
    return row?.token;
  }

  entryOf(token: string): TokenEntry | undefined {
    const row = this.#statement(`SELECT scope, value_key FROM ${TOKENS} WHERE token = ?`).get(token) as
      | { scope: string; value_key: string }
      | undefined;
    return row && { scope: row.scope, valueKey: row.value_key };
  }

  /** Records a token; false when the token is already taken. */
  addToken(token: string, scope: string, valueKey: string): boolean {
    return (
      this.#run(`INSERT OR IGNORE INTO ${TOKENS} (token, scope, value_key) VALUES (?, ?, ?)`, [token, scope, valueKey])
        .changes > 0
    );
  }

  /** Forgets the token of a value no row holds any more. */
  dropToken(scope: string, valueKey: string): void {
    this.#run(`DELETE FROM ${TOKENS} WHERE scope = ? AND value_key = ?`, [scope, valueKey]);
  }

  /** Runs one read-only SELECT over vault tables (see QueryGuard). */
  query(sql: string, maxRows: number): QueryResult {
    return this.#queryGuard.run(sql, maxRows);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #migrate(schema: ResolvedSchema): void {
    this.transaction(() => {
      this.#db.exec(
        `CREATE TABLE IF NOT EXISTS ${TOKENS} (token TEXT PRIMARY KEY NOT NULL, scope TEXT NOT NULL, value_key TEXT NOT NULL);
         CREATE UNIQUE INDEX IF NOT EXISTS ${TOKENS}_value ON ${TOKENS} (scope, value_key);`,
      );
      for (const table of schema.tables.values()) this.#migrateTable(table);
    });
  }

  // Creates the table, adds columns a newer schema declares, and keeps one
  // index per column: unique ones enforce uniqueness, the others make value
  // lookups (token clean-up, column gets, queries) cheap.
  #migrateTable(table: Table): void {
    const name = ident(table.name);
    this.#db.exec(`CREATE TABLE IF NOT EXISTS ${name} (${SKYFLOW_ID} TEXT PRIMARY KEY NOT NULL)`);
    const existing = new Set(
      (this.#db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((c) => c.name),
    );
    for (const column of table.columns.values()) {
      if (!existing.has(column.name)) {
        this.#db.exec(`ALTER TABLE ${name} ADD COLUMN ${ident(column.name)} ${sqlTypes[column.type]}`);
      }
      const index = ident(`${table.name}__${column.name}${column.unique ? '__unique' : ''}`);
      this.#db.exec(
        `CREATE ${column.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${index} ON ${name} (${ident(column.name)})`,
      );
    }
  }

  #rowsWhereIn<K>(table: string, column: string, keys: readonly K[], keyOf: (row: Row) => unknown): Row[] {
    const found = new Map<unknown, Row[]>();
    for (let start = 0; start < keys.length; start += MAX_PARAMS) {
      const slice = keys.slice(start, start + MAX_PARAMS);
      const rows = this.#statement(
        `SELECT * FROM ${ident(table)} WHERE ${ident(column)} IN (${placeholders(slice.length)})`,
      ).all(...slice) as Row[];
      for (const row of rows) {
        const key = keyOf(row);
        found.set(key, [...(found.get(key) ?? []), row]);
      }
    }
    const seen = new Set<unknown>();
    return keys.flatMap((key) => {
      if (seen.has(key)) return [];
      seen.add(key);
      return found.get(key) ?? [];
    });
  }

  #run(sql: string, params: unknown[]): Database.RunResult {
    return this.#statement(sql).run(...params);
  }

  // Statements are prepared once per SQL text: the SQL of a request depends
  // only on the table and the column names, so the cache stays small.
  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= MAX_CACHED_STATEMENTS) {
        this.#statements.delete(this.#statements.keys().next().value!);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
