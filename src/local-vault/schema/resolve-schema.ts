import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { RESERVED_TABLE_NAMES } from '../../wire/paths.js';
import { ValueType } from '../../wire/enums.js';
import {
  NAME_PATTERN,
  VaultSchemaSchema,
  type ColumnType,
  type DefaultRedaction,
  type MaskRule,
  type TokenFormat,
  type VaultSchema,
} from './types.js';

/** A schema file or object that cannot describe a vault; the message says where and why. */
export class SchemaError extends Error {
  /** Always `'SchemaError'`. */
  override readonly name = 'SchemaError';
}

/** A column with every default applied. */
export interface Column {
  readonly table: string;
  readonly name: string;
  readonly type: ColumnType;
  readonly unique: boolean;
  readonly tokenFormat: TokenFormat;
  readonly mask: Readonly<Required<MaskRule>>;
  readonly defaultRedaction: DefaultRedaction;
  readonly valueType: ValueType;
  /** Columns with the same scope share tokens: a value has one token per scope. */
  readonly scope: string;
  readonly columnGroup: string | undefined;
}

/** A table of a resolved schema, with its columns by name. */
export interface Table {
  readonly name: string;
  readonly columns: ReadonlyMap<string, Column>;
}

/** A validated schema, indexed for the lookups the vault makes on every request. */
export interface ResolvedSchema {
  readonly tables: ReadonlyMap<string, Table>;
  /** token scope → the columns that share it */
  readonly scopes: ReadonlyMap<string, readonly Column[]>;
  /** column group name → token scope */
  readonly groups: ReadonlyMap<string, string>;
}

/** Column name every table has; it holds the record's id. */
export const SKYFLOW_ID = 'skyflow_id';

const valueTypes: Record<ColumnType, ValueType> = {
  string: ValueType.STRING,
  integer: ValueType.INTEGER,
  float: ValueType.FLOAT,
  boolean: ValueType.BOOL,
  date: ValueType.DATE,
  datetime: ValueType.DATETIME,
  json: ValueType.JSON,
};

/** Reads a schema file (JSON) and resolves it. */
export function loadSchemaFile(path: string): ResolvedSchema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SchemaError(`Cannot read schema file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SchemaError(`Schema file ${path} is not valid JSON.`);
  }
  return resolveSchema(parsed, path);
}

/** Validates a schema and applies its defaults. */
export function resolveSchema(input: unknown, source = 'schema'): ResolvedSchema {
  // `additionalProperties: false` also reports each extra key as "schema is
  // false"; the additionalProperties error that names the rule reads better.
  const firstError = Value.Errors(VaultSchemaSchema, input).find((error) => error.keyword !== 'boolean');
  if (firstError) {
    throw new SchemaError(`${source}${firstError.instancePath}: ${firstError.message}.`);
  }
  const schema = input as VaultSchema;
  const tableEntries = Object.entries(schema.tables);
  if (tableEntries.length === 0) throw new SchemaError(`${source}: at least one table is required.`);

  const tables = new Map<string, Table>();
  const scopes = new Map<string, Column[]>();
  const groups = new Map<string, string>();
  const seenTables = new Set<string>();

  for (const [tableName, tableSpec] of tableEntries) {
    assertName(tableName, `${source}/tables/${tableName}`);
    const lower = tableName.toLowerCase();
    if (RESERVED_TABLE_NAMES.includes(lower) || lower.startsWith('sqlite_')) {
      throw new SchemaError(`${source}/tables/${tableName}: "${tableName}" is reserved and cannot name a table.`);
    }
    if (seenTables.has(lower)) {
      throw new SchemaError(`${source}/tables/${tableName}: table names must differ in more than letter case.`);
    }
    seenTables.add(lower);

    const columnEntries = Object.entries(tableSpec.columns);
    if (columnEntries.length === 0) {
      throw new SchemaError(`${source}/tables/${tableName}: at least one column is required.`);
    }
    const columns = new Map<string, Column>();
    const seenColumns = new Set<string>([SKYFLOW_ID]);
    for (const [columnName, spec] of columnEntries) {
      const where = `${source}/tables/${tableName}/columns/${columnName}`;
      assertName(columnName, where);
      if (seenColumns.has(columnName.toLowerCase())) {
        throw new SchemaError(
          columnName.toLowerCase() === SKYFLOW_ID
            ? `${where}: "${SKYFLOW_ID}" is reserved for the record id.`
            : `${where}: column names must differ in more than letter case.`,
        );
      }
      seenColumns.add(columnName.toLowerCase());
      const type = spec.type ?? 'string';
      const column: Column = {
        table: tableName,
        name: columnName,
        type,
        unique: spec.unique ?? false,
        tokenFormat: spec.tokenFormat ?? 'uuid',
        mask: { keepFirst: spec.mask?.keepFirst ?? 0, keepLast: spec.mask?.keepLast ?? 0, char: spec.mask?.char ?? 'X' },
        defaultRedaction: spec.redaction ?? 'PLAIN_TEXT',
        valueType: valueTypes[type],
        scope: spec.columnGroup === undefined ? `column:${tableName}.${columnName}` : `group:${spec.columnGroup}`,
        columnGroup: spec.columnGroup,
      };
      columns.set(columnName, column);
      const shared = scopes.get(column.scope);
      if (shared) {
        assertSameTokenPolicy(shared[0]!, column, where);
        shared.push(column);
      } else {
        scopes.set(column.scope, [column]);
      }
      if (spec.columnGroup !== undefined) groups.set(spec.columnGroup, column.scope);
    }
    tables.set(tableName, { name: tableName, columns });
  }
  return { tables, scopes, groups };
}

// Names become SQL identifiers and path segments.
function assertName(name: string, where: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new SchemaError(`${where}: a name is a letter followed by letters, digits or "_", 63 at most.`);
  }
}

// Columns of one group share tokens, so a token must reveal the same way
// whichever of them it came from.
function assertSameTokenPolicy(first: Column, next: Column, where: string): void {
  const policy = (c: Column) => JSON.stringify([c.type, c.tokenFormat, c.mask, c.defaultRedaction]);
  if (policy(first) !== policy(next)) {
    throw new SchemaError(
      `${where}: columns of group "${next.columnGroup}" must have the same type, tokenFormat, mask and redaction as ${first.table}.${first.name}.`,
    );
  }
}
