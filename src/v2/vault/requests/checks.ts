// Checks shared by the request classes. Each throws the SkyflowError of its
// message key; none reads or repeats a value, only its type and position.
import { isEnumValue } from '../../enums.js';
import { typeName, validationError, type MessageKey } from '../../errors/messages.js';

type IndexedKey = Extract<
  MessageKey,
  | 'EMPTY_ID_IN_GET'
  | 'INVALID_ID_IN_GET'
  | 'EMPTY_COLUMN_VALUE'
  | 'INVALID_COLUMN_VALUE'
  | 'EMPTY_FIELD'
  | 'INVALID_FIELD'
  | 'EMPTY_ID_IN_DELETE'
  | 'INVALID_ID_IN_DELETE'
>;
type PlainKey = Extract<
  MessageKey,
  | 'EMPTY_IDS_IN_GET'
  | 'INVALID_TYPE_OF_IDS'
  | 'EMPTY_COLUMN_VALUES'
  | 'INVALID_COLUMN_VALUES'
  | 'EMPTY_DELETE_IDS'
  | 'INVALID_DELETE_IDS_INPUT'
>;

/** The request's init object; anything else is an invalid request. */
export function initObject(value: unknown, operation: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw validationError('INVALID_REQUEST', operation);
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function tableName(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw validationError('EMPTY_TABLE_NAME');
  }
  if (typeof value !== 'string' || !isWellFormed(value)) throw validationError('INVALID_TABLE_NAME');
  return value;
}

/**
 * Whether `value` has no lone surrogate: such a string cannot be URL-encoded
 * (encodeURIComponent throws a URIError), so it can be no table, id or path
 * parameter.
 */
export function isWellFormed(value: string): boolean {
  return !/\p{Surrogate}/u.test(value);
}

/** An optional boolean option; `name` is the option as the caller wrote it. */
export function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw validationError('INVALID_BOOLEAN_OPTION', name, typeName(value));
  return value;
}

/** A non-empty array of non-empty strings, with the messages of the list and of an item. */
export function stringList(
  value: unknown,
  keys: { empty: PlainKey; invalid: PlainKey; emptyItem: IndexedKey; invalidItem: IndexedKey },
): string[] {
  if (value === undefined || value === null) throw validationError(keys.empty);
  if (!Array.isArray(value)) throw validationError(keys.invalid);
  if (value.length === 0) throw validationError(keys.empty);
  return frozenList(value, (item, index) => {
    if (typeof item !== 'string') throw validationError(keys.invalidItem, String(index));
    if (item.trim() === '') throw validationError(keys.emptyItem, String(index));
    return item;
  });
}

/**
 * Maps every element of an array into a frozen copy. Unlike `map`, holes of a
 * sparse array are visited (as undefined), so they cannot slip past a check.
 */
export function frozenList<T>(value: readonly unknown[], check: (item: unknown, index: number) => T): T[] {
  return Object.freeze(Array.from(value, check)) as T[];
}

/** An optional enum value. */
export function optionalEnum<T extends Record<string, string>>(values: T, value: unknown, invalid: () => Error): T[keyof T] | undefined {
  if (value === undefined) return undefined;
  if (!isEnumValue(values, value)) throw invalid();
  return value;
}

/** Column name → token, for the given columns only. */
export function tokenMap(value: unknown, columns: ReadonlySet<string>): Record<string, string> | undefined {
  if (!isPlainObject(value)) return undefined;
  const entries = Object.entries(value);
  if (!entries.every(([column, token]) => columns.has(column) && typeof token === 'string' && token.length > 0)) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}
