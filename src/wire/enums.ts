// Enumerations of the Skyflow REST API, as plain constant objects so that the
// v2 core can use them at run time without loading any schema library.

/** How a stored value is revealed: as stored, masked, replaced, or by the column's policy. */
export const RedactionType = {
  DEFAULT: 'DEFAULT',
  PLAIN_TEXT: 'PLAIN_TEXT',
  MASKED: 'MASKED',
  REDACTED: 'REDACTED',
} as const;
export type RedactionType = (typeof RedactionType)[keyof typeof RedactionType];

/** Bring-your-own-token mode of a write (`byot` on the wire). */
export const Byot = {
  DISABLE: 'DISABLE',
  ENABLE: 'ENABLE',
  ENABLE_STRICT: 'ENABLE_STRICT',
} as const;
export type Byot = (typeof Byot)[keyof typeof Byot];

/** Order of a bulk get without ids (`order_by`). */
export const OrderBy = {
  ASCENDING: 'ASCENDING',
  DESCENDING: 'DESCENDING',
  NONE: 'NONE',
} as const;
export type OrderBy = (typeof OrderBy)[keyof typeof OrderBy];

/** Type of a detokenized value (`valueType`). */
export const ValueType = {
  STRING: 'STRING',
  INTEGER: 'INTEGER',
  FLOAT: 'FLOAT',
  BOOL: 'BOOL',
  DATETIME: 'DATETIME',
  JSON: 'JSON',
  ARRAY: 'ARRAY',
  DATE: 'DATE',
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
