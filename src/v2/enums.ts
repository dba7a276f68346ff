// The v2 enumerations. Values equal names, as in Skyflow's v2 SDKs; the wire
// enums (redaction, order) come from src/wire so the two can never differ.
import { OrderBy as WireOrderBy, RedactionType as WireRedactionType, Byot } from '../wire/enums.js';

/** Skyflow environment; decides the vault host for a cluster id. */
export const Env = {
  PROD: 'PROD',
  SANDBOX: 'SANDBOX',
  DEV: 'DEV',
  STAGE: 'STAGE',
} as const;
export type Env = (typeof Env)[keyof typeof Env];

/** How much a client logs. @default LogLevel.ERROR */
export const LogLevel = {
  DEBUG: 'DEBUG',
  INFO: 'INFO',
  WARN: 'WARN',
  ERROR: 'ERROR',
  OFF: 'OFF',
} as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/** Bring-your-own-token mode of a write: tokens forbidden, optional, or required for every field. */
export const TokenMode = Byot;
export type TokenMode = Byot;

/** How detokenize and get reveal values. */
export const RedactionType = WireRedactionType;
export type RedactionType = WireRedactionType;

/** Order of a get that lists records without ids. */
export const OrderBy = WireOrderBy;
export type OrderBy = WireOrderBy;

/** HTTP method of a connection invocation. */
export const RequestMethod = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
} as const;
export type RequestMethod = (typeof RequestMethod)[keyof typeof RequestMethod];

/** Whether `value` is one of the values of an enum object. */
export function isEnumValue<T extends Record<string, string>>(values: T, value: unknown): value is T[keyof T] {
  return typeof value === 'string' && Object.hasOwn(values, value) && values[value] === value;
}
