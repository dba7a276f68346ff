// Enumerations of the Skyflow REST API, as plain constant objects so that the
// v2 core can use them at run time without loading any schema library.

/** How a stored value is revealed: as stored, masked, replaced, or by the column's policy. */
export const RedactionType = {
  /** As the column's redaction policy says. */
  DEFAULT: 'DEFAULT',
  /** The value as stored, in clear. */
  PLAIN_TEXT: 'PLAIN_TEXT',
  /** Partly hidden by the column's mask (e.g. the last four digits shown). */
  MASKED: 'MASKED',
  /** Fully hidden: a fixed placeholder instead of the value. */
  REDACTED: 'REDACTED',
} as const;
export type RedactionType = (typeof RedactionType)[keyof typeof RedactionType];

/** Bring-your-own-token mode of a write (`byot` on the wire). */
export const Byot = {
  /** No tokens may be given: the vault makes every token. */
  DISABLE: 'DISABLE',
  /** Tokens may be given for some columns; the vault makes the others. */
  ENABLE: 'ENABLE',
  /** A token must be given for every column written. */
  ENABLE_STRICT: 'ENABLE_STRICT',
} as const;
export type Byot = (typeof Byot)[keyof typeof Byot];

/** Order of a bulk get without ids (`order_by`). */
export const OrderBy = {
  /** Ascending order. */
  ASCENDING: 'ASCENDING',
  /** Descending order. */
  DESCENDING: 'DESCENDING',
  /** No particular order: whatever the vault returns first. */
  NONE: 'NONE',
} as const;
export type OrderBy = (typeof OrderBy)[keyof typeof OrderBy];

/** Type of a detokenized value, from the type of its column (`valueType` on the wire). */
export const ValueType = {
  /** Text. */
  STRING: 'STRING',
  /** A whole number. */
  INTEGER: 'INTEGER',
  /** A number with a fraction. */
  FLOAT: 'FLOAT',
  /** `true` or `false`. */
  BOOL: 'BOOL',
  /** A date and time. */
  DATETIME: 'DATETIME',
  /** A JSON document. */
  JSON: 'JSON',
  /** A list of values. */
  ARRAY: 'ARRAY',
  /** A calendar date. */
  DATE: 'DATE',
  /** No type given by the vault. */
  NONE: 'NONE',
} as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

/** Operation of one record in a batch request. */
export const BatchMethod = {
  NONE: 'NONE',
  POST: 'POST',
  PUT: 'PUT',
  GET: 'GET',
  DELETE: 'DELETE',
} as const;
export type BatchMethod = (typeof BatchMethod)[keyof typeof BatchMethod];

/** The OAuth grant the token endpoint accepts (RFC 7523). */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
