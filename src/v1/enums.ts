// The v1 enumerations, as skyflow-node@1 exposes them (values equal names).

export const RedactionType = {
  DEFAULT: 'DEFAULT',
  PLAIN_TEXT: 'PLAIN_TEXT',
  MASKED: 'MASKED',
  REDACTED: 'REDACTED',
} as const;
export type RedactionType = (typeof RedactionType)[keyof typeof RedactionType];

export const RequestMethod = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
} as const;
export type RequestMethod = (typeof RequestMethod)[keyof typeof RequestMethod];

export const LogLevel = {
  WARN: 'WARN',
  INFO: 'INFO',
  DEBUG: 'DEBUG',
  ERROR: 'ERROR',
  OFF: 'OFF',
} as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];
