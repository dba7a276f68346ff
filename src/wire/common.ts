import { Type } from 'typebox';
import { Byot, RedactionType } from './enums.js';

/** Enum schema from a constant object, so the schema and the type never drift. */
export function enumOf<const T extends Record<string, string>>(values: T) {
  return Type.Enum(Object.values(values) as Array<T[keyof T]>);
}

/** A record's values: column name → value. */
export const Fields = Type.Record(Type.String(), Type.Unknown());
/** Tokens supplied with a record (bring your own token): column name → token. */
export const TokenMap = Type.Record(Type.String(), Type.String());
export const ByotSchema = enumOf(Byot);
export const RedactionSchema = enumOf(RedactionType);

/** `{fields, tokens?}` as returned by reads. */
export interface FieldRecord {
  fields?: Record<string, unknown>;
  tokens?: Record<string, string>;
}
