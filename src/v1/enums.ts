// The v1 enumerations, as skyflow-node@1 exposes them (values equal names).

/** How much of a value `detokenize`, `get` and `getById` reveal. */
export const RedactionType = {
  /** The column's own default redaction, as set in the vault schema. */
  DEFAULT: 'DEFAULT',
  /** The whole value, in clear. */
  PLAIN_TEXT: 'PLAIN_TEXT',
  /** The value with part of it hidden, by the column's masking rule. */
  MASKED: 'MASKED',
  /** The value fully hidden. */
  REDACTED: 'REDACTED',
} as const;
/** One of the {@link RedactionType} values. */
export type RedactionType = (typeof RedactionType)[keyof typeof RedactionType];

/** The HTTP methods `invokeConnection` can send. */
export const RequestMethod = {
  /** HTTP GET. */
  GET: 'GET',
  /** HTTP POST. */
  POST: 'POST',
  /** HTTP PUT. */
  PUT: 'PUT',
  /** HTTP PATCH. */
  PATCH: 'PATCH',
  /** HTTP DELETE. */
  DELETE: 'DELETE',
} as const;
/** One of the {@link RequestMethod} values. */
export type RequestMethod = (typeof RequestMethod)[keyof typeof RequestMethod];

/** The levels of the v1 logs, for `setLogLevel`: a level prints its own lines and those of the more severe levels. */
export const LogLevel = {
  /** Warnings and errors. */
  WARN: 'WARN',
  /** Lifecycle lines (`INFO: [Skyflow] …`), warnings and errors. */
  INFO: 'INFO',
  /** Everything, lifecycle lines printed as `DEBUG: [Skyflow] …`. */
  DEBUG: 'DEBUG',
  /** Errors only. */
  ERROR: 'ERROR',
  /** No logs at all. */
  OFF: 'OFF',
} as const;
/** One of the {@link LogLevel} values. */
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];
