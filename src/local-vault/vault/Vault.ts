import { randomUUID } from 'node:crypto';
import { Byot, type RedactionType } from '../../wire/enums.js';
import type { FieldRecord } from '../../wire/common.js';
import type { WrittenRecord } from '../../wire/records.js';
import type { DetokenizeRecord } from '../../wire/tokens.js';
import { SKYFLOW_ID, type Column, type ResolvedSchema, type Table } from '../schema/resolve-schema.js';
import type { Row, VaultStore } from '../storage/VaultStore.js';
import { type VaultError, badRequest, conflict, notFound } from '../errors.js';
import { deriveToken, uuidToken } from './token-format.js';
import { reveal } from './redaction.js';
import { fromStored, toStored, toText, toTyped, valueKey, type TypedValue } from './values.js';
import type { BulkGet } from './read-query.js';

/** A record to write: column → value, and (bring your own token) column → token. */
export interface RecordInput {
  fields: Record<string, unknown>;
  tokens?: Record<string, string> | undefined;
}

export interface WriteOptions {
  /** Return the tokens of the written values. */
  tokenization: boolean;
  byot: Byot;
  /** Unique column: a record whose value there already exists is updated instead. */
  upsert?: string | undefined;
}

export interface ReadOptions {
  redaction: RedactionType;
  tokenization: boolean;
  /** Columns to return; all when absent. */
  fields?: readonly string[] | undefined;
}

// Bounds how long a message can grow when it quotes a table name or an id.
const MAX_QUOTED = 64;

/**
 * The rules of a vault over its store: typed values, unique columns, upsert,
 * tokens (deterministic per scope and value, or brought by the caller),
 * redaction. Every method runs inside the caller's transaction and throws
 * VaultError for anything the caller did wrong.
 */
export class Vault {
  readonly #store: VaultStore;
  readonly #schema: ResolvedSchema;
  readonly #tokenSecret: Buffer;

  constructor(store: VaultStore, schema: ResolvedSchema, tokenSecret: Buffer) {
    this.#store = store;
    this.#schema = schema;
    this.#tokenSecret = tokenSecret;
  }

  /** Runs `work` atomically. */
  transaction<T>(work: () => T): T {
    return this.#store.transaction(work);
  }

  table(name: string): Table {
    const table = this.#schema.tables.get(name);
    if (!table) throw notFound(`Table ${quote(name)} does not exist in this vault.`);
    return table;
  }

  insert(tableName: string, input: RecordInput, options: WriteOptions): WrittenRecord {
    const table = this.table(tableName);
    const values = this.#typedFields(table, input.fields);
    const tokens = checkTokens(table, values, input.tokens, options.byot);
    const upsertColumn = options.upsert === undefined ? undefined : upsertColumnOf(table, options.upsert);

    let id: string | undefined;
    if (upsertColumn) {
      const value = values.get(upsertColumn);
      if (value === undefined || value === null) {
        throw badRequest(`The upsert column ${upsertColumn} must have a value in every record.`);
      }
      id = this.#store.findId(table.name, upsertColumn, toStored(table.columns.get(upsertColumn)!, value));
    }
    if (id === undefined) {
      id = randomUUID();
      this.#write(table, () => this.#store.insertRow(table.name, id!, this.#storedEntries(table, values)));
    } else {
      this.#replaceValues(table, this.#store.getRow(table.name, id)!, values);
    }
    return this.#written(id, table, values, tokens, options.tokenization);
  }

  update(tableName: string, id: string, input: RecordInput, options: Omit<WriteOptions, 'upsert'>): WrittenRecord {
    const table = this.table(tableName);
    const values = this.#typedFields(table, input.fields);
    const tokens = checkTokens(table, values, input.tokens, options.byot);
    const row = this.#store.getRow(table.name, id);
    if (!row) throw recordNotFound(id);
    this.#replaceValues(table, row, values);
    return this.#written(id, table, values, tokens, options.tokenization);
  }

  /** Deletes one record; 404 when it does not exist. */
  deleteOne(tableName: string, id: string): { skyflow_id: string; deleted: true } {
    const table = this.table(tableName);
    const row = this.#store.getRow(table.name, id);
    if (!row) throw recordNotFound(id);
    this.#store.deleteRow(table.name, id);
    this.#releaseRow(table, row);
    return { skyflow_id: id, deleted: true };
  }

  /** Deletes the records that exist among `ids`; 404 when none does. */
  deleteMany(tableName: string, ids: readonly string[]): string[] {
    const table = this.table(tableName);
    if (ids.length === 0) throw badRequest('skyflow_ids must name at least one record.');
    const rows = this.#store.getRowsByIds(table.name, ids);
    if (rows.length === 0) throw ids.length === 1 ? recordNotFound(ids[0]!) : notFound('No records found for the given skyflow_ids.');
    for (const row of rows) {
      this.#store.deleteRow(table.name, row.skyflow_id);
      this.#releaseRow(table, row);
    }
    return rows.map((row) => row.skyflow_id);
  }

  getOne(tableName: string, id: string, options: ReadOptions): FieldRecord {
    const table = this.table(tableName);
    const columns = selectColumns(table, options);
    const row = this.#store.getRow(table.name, id);
    if (!row) throw recordNotFound(id);
    return this.#present(row, columns, options);
  }

  getMany(tableName: string, request: BulkGet): FieldRecord[] {
    const table = this.table(tableName);
    const columns = selectColumns(table, request);
    let rows: Row[];
    if (request.mode === 'ids') {
      rows = this.#store.getRowsByIds(table.name, request.ids);
    } else if (request.mode === 'column') {
      const column = table.columns.get(request.columnName);
      if (!column) throw unknownColumn(table, request.columnName);
      if (!column.unique) throw badRequest(`column_name must be a unique column; ${column.name} is not unique.`);
      rows = this.#store.getRowsByColumn(
        table.name,
        column.name,
        request.columnValues.map((value) => toStored(column, toTyped(column, value))),
      );
    } else {
      rows = this.#store.listRows(table.name, request.offset, request.limit, request.descending);
    }
    if (request.mode !== 'list') {
      rows = rows.slice(request.offset, request.limit === undefined ? undefined : request.offset + request.limit);
      if (rows.length === 0) throw notFound('No records found.');
    }
    return rows.map((row) => this.#present(row, columns, request));
  }

  detokenize(token: string, redaction: RedactionType): DetokenizeRecord {
    const entry = this.#store.entryOf(token);
    const column = entry && this.#schema.scopes.get(entry.scope)?.[0];
    // The token is not repeated: a caller who passes a value by mistake would see it in logs.
    if (!entry || !column) throw notFound('Token not found.');
    const value = JSON.parse(entry.valueKey) as TypedValue;
    return { token, valueType: column.valueType, value: toText(reveal(column, value, redaction)) };
  }

  /** The existing token of a value in a column group; values the vault does not hold have none. */
  tokenize(value: unknown, columnGroup: string): string {
    const scope = this.#schema.groups.get(columnGroup);
    const column = scope === undefined ? undefined : this.#schema.scopes.get(scope)?.[0];
    if (scope === undefined || !column) throw notFound(`Column group ${quote(columnGroup)} does not exist.`);
    const token = this.#store.tokenOf(scope, valueKey(toTyped(column, value)));
    if (token === undefined) throw notFound(`No record holds this value in column group ${columnGroup}.`);
    return token;
  }

  /** Runs a read-only query and returns its rows as records. */
  query(sql: string, maxRows: number): FieldRecord[] {
    const result = this.#store.query(sql, maxRows);
    const origins = result.columns.map(({ table, column }) =>
      table === null || column === null ? undefined : this.#schema.tables.get(table)?.columns.get(column),
    );
    return result.rows.map((row) => ({
      fields: Object.fromEntries(
        result.columns.map(({ name }, i) => {
          const origin = origins[i];
          return [name, origin ? fromStored(origin, row[i]) : row[i]];
        }),
      ),
    }));
  }

  #typedFields(table: Table, fields: Record<string, unknown>): Map<string, TypedValue> {
    const entries = Object.entries(fields);
    if (entries.length === 0) throw badRequest('A record needs at least one field.');
    const values = new Map<string, TypedValue>();
    for (const [name, input] of entries) {
      const column = table.columns.get(name);
      if (!column) throw unknownColumn(table, name);
      values.set(name, toTyped(column, input));
    }
    return values;
  }

  #storedEntries(table: Table, values: Map<string, TypedValue>): Array<[string, string | number | null]> {
    return [...values].map(([name, value]) => [name, toStored(table.columns.get(name)!, value)]);
  }

  // Overwrites some columns of an existing row, then forgets the tokens of
  // values no row holds any more.
  #replaceValues(table: Table, before: Row, values: Map<string, TypedValue>): void {
    this.#write(table, () => this.#store.updateRow(table.name, before.skyflow_id, this.#storedEntries(table, values)));
    for (const name of values.keys()) {
      const column = table.columns.get(name)!;
      const old = fromStored(column, before[name]);
      if (old !== null && valueKey(old) !== valueKey(values.get(name)!)) this.#release(column, old);
    }
  }

  #releaseRow(table: Table, row: Row): void {
    for (const column of table.columns.values()) {
      const value = fromStored(column, row[column.name]);
      if (value !== null) this.#release(column, value);
    }
  }

  #release(column: Column, value: TypedValue): void {
    const holders = this.#schema.scopes.get(column.scope)!;
    if (!this.#store.holdsValue(holders, toStored(column, value))) {
      this.#store.dropToken(column.scope, valueKey(value));
    }
  }

  // Every stored value gets its token when it is written, so that reads with
  // tokenization and detokenize work whatever the write asked for.
  #written(
    id: string,
    table: Table,
    values: Map<string, TypedValue>,
    supplied: Record<string, string> | undefined,
    tokenization: boolean,
  ): WrittenRecord {
    const tokens: Record<string, string> = {};
    for (const [name, value] of values) {
      if (value === null) continue;
      tokens[name] = this.#tokenFor(table.columns.get(name)!, value, supplied?.[name]);
    }
    return tokenization ? { skyflow_id: id, tokens } : { skyflow_id: id };
  }

  #tokenFor(column: Column, value: TypedValue, supplied: string | undefined): string {
    const key = valueKey(value);
    const existing = this.#store.tokenOf(column.scope, key);
    if (supplied !== undefined) {
      if (existing === supplied) return supplied;
      if (existing !== undefined) {
        throw conflict(`The token given for column ${column.name} differs from the token this value already has.`);
      }
      if (!this.#store.addToken(supplied, column.scope, key)) {
        throw conflict(`The token given for column ${column.name} is already in use.`);
      }
      return supplied;
    }
    if (existing !== undefined) return existing;
    const text = toText(value);
    for (let attempt = 0; ; attempt++) {
      const candidate =
        deriveToken(this.#tokenSecret, column.tokenFormat, column.scope, key, text, attempt) ??
        uuidToken(this.#tokenSecret, `${column.scope}\u0000${key}\u0000${attempt}`);
      if (this.#store.addToken(candidate, column.scope, key)) return candidate;
    }
  }

  #present(row: Row, columns: readonly Column[], options: Pick<ReadOptions, 'redaction' | 'tokenization'>): FieldRecord {
    const fields: Record<string, unknown> = { [SKYFLOW_ID]: row.skyflow_id };
    for (const column of columns) {
      const value = fromStored(column, row[column.name]);
      fields[column.name] =
        value === null
          ? null
          : options.tokenization
            ? this.#store.tokenOf(column.scope, valueKey(value)) ?? null
            : reveal(column, value, options.redaction);
    }
    return { fields };
  }

  // Turns SQLite's unique-constraint failure into a 409 that names the column.
  #write(table: Table, work: () => unknown): void {
    try {
      work();
    } catch (error) {
      const match = /UNIQUE constraint failed: [^.]+\.(\w+)/.exec(error instanceof Error ? error.message : '');
      if (match) {
        throw conflict(`Unique constraint violation: column ${match[1]} of table ${table.name} already holds this value.`);
      }
      throw error;
    }
  }
}

function checkTokens(
  table: Table,
  values: Map<string, TypedValue>,
  tokens: Record<string, string> | undefined,
  byot: Byot,
): Record<string, string> | undefined {
  const given = tokens ? Object.entries(tokens) : [];
  if (byot === Byot.DISABLE) {
    if (given.length > 0) throw badRequest('Tokens were given but byot is DISABLE; set byot to ENABLE or ENABLE_STRICT.');
    return undefined;
  }
  for (const [name, token] of given) {
    if (!table.columns.has(name)) throw unknownColumn(table, name);
    if (!values.has(name)) throw badRequest(`A token was given for column ${name}, which has no value in the record.`);
    if (token.length === 0) throw badRequest(`The token for column ${name} is empty.`);
  }
  if (byot === Byot.ENABLE_STRICT) {
    const missing = [...values.keys()].filter((name) => values.get(name) !== null && !tokens?.[name]);
    if (missing.length > 0) {
      throw badRequest(`byot is ENABLE_STRICT but no token was given for column(s) ${missing.join(', ')}.`);
    }
  }
  return tokens;
}

function upsertColumnOf(table: Table, name: string): string {
  const column = table.columns.get(name);
  if (!column) throw unknownColumn(table, name);
  if (!column.unique) throw badRequest(`The upsert column must be unique; ${name} is not.`);
  return name;
}

function selectColumns(table: Table, options: Pick<ReadOptions, 'fields'>): Column[] {
  if (!options.fields || options.fields.length === 0) return [...table.columns.values()];
  const columns: Column[] = [];
  for (const name of options.fields) {
    if (name === SKYFLOW_ID) continue;
    const column = table.columns.get(name);
    if (!column) throw unknownColumn(table, name);
    columns.push(column);
  }
  return columns;
}

function unknownColumn(table: Table, name: string): VaultError {
  return badRequest(`Column ${quote(name)} does not exist in table ${table.name}.`);
}

function recordNotFound(id: string): VaultError {
  return notFound(`No record found with skyflow_id ${quote(id)}.`);
}

function quote(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}
