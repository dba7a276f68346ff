// Values as the API carries them (JSON), as the vault stores them (SQLite), and
// as text (for tokens and masks). One column type decides all three.
import type { Column } from '../schema/resolve-schema.js';
import { badRequest } from '../errors.js';

/** A value as the API returns it. */
export type TypedValue = string | number | boolean | null | Record<string, unknown> | unknown[];
/** A value as SQLite holds it. */
export type StoredValue = string | number | null;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Checks an incoming value against its column's type and converts what is
 * unambiguous (`"42"` for an integer, `12` for a string). The error names the
 * column and the expected type, never the value.
 */
export function toTyped(column: Column, input: unknown): TypedValue {
  if (input === null) return null;
  const invalid = (expected: string) =>
    badRequest(`Invalid value for column ${column.name} in table ${column.table}: expected ${expected}.`);
  switch (column.type) {
    case 'string':
      if (typeof input === 'string') return input;
      if ((typeof input === 'number' && Number.isFinite(input)) || typeof input === 'boolean') return String(input);
      throw invalid('a string');
    case 'integer': {
      const n = typeof input === 'string' && INTEGER.test(input.trim()) ? Number(input.trim()) : input;
      if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
      throw invalid('an integer');
    }
    case 'float': {
      const n = typeof input === 'string' && NUMBER.test(input.trim()) ? Number(input.trim()) : input;
      if (typeof n === 'number' && Number.isFinite(n)) return n;
      throw invalid('a number');
    }
    case 'boolean':
      if (typeof input === 'boolean') return input;
      if (input === 'true' || input === 'false') return input === 'true';
      throw invalid('a boolean');
    case 'date':
      if (typeof input === 'string' && isCalendarDate(input)) return input;
      throw invalid('a date (YYYY-MM-DD)');
    case 'datetime':
      if (typeof input === 'string' && input.length >= 10 && !Number.isNaN(Date.parse(input))) return input;
      throw invalid('an ISO 8601 date-time');
    case 'json':
      // Storing and tokenizing a value runs JSON.stringify, which overflows
      // the stack on deep nesting (a RangeError, which was a 500).
      if (deeperThan(input, MAX_JSON_DEPTH)) throw invalid(`JSON nested at most ${MAX_JSON_DEPTH} levels deep`);
      return input as TypedValue;
  }
}

/** How deep a json column's value may nest. */
export const MAX_JSON_DEPTH = 100;

// Recursion stops at the limit, so the check itself cannot overflow.
function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => deeperThan(child, limit - 1));
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The SQLite form of a typed value. */
export function toStored(column: Column, value: TypedValue): StoredValue {
  if (value === null) return null;
  switch (column.type) {
    case 'boolean':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value as string | number;
  }
}

/** The typed form of a value read from SQLite. */
export function fromStored(column: Column, stored: unknown): TypedValue {
  if (stored === null || stored === undefined) return null;
  switch (column.type) {
    case 'boolean':
      return stored === 1;
    case 'json':
      return JSON.parse(stored as string) as TypedValue;
    default:
      return stored as string | number;
  }
}

/** The text form of a value: what detokenize returns and masks apply to. */
export function toText(value: TypedValue): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A canonical key for a value within a token scope. */
export function valueKey(value: TypedValue): string {
  return JSON.stringify(value);
}
