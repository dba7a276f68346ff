// The v2 enumerations. Values equal names, as in Skyflow's v2 SDKs; the wire
// enums (redaction, order) come from src/wire so the two can never differ.
import { OrderBy as WireOrderBy, RedactionType as WireRedactionType, Byot } from '../wire/enums.js';

/** Skyflow environment; with a cluster id it decides the vault's host. */
export const Env = {
  /** Production: `https://{clusterId}.vault.skyflowapis.com`. */
  PROD: 'PROD',
  /** Sandbox: `https://{clusterId}.vault.skyflowapis-preview.com`. */
  SANDBOX: 'SANDBOX',
  /** Skyflow's development environment: `https://{clusterId}.vault.skyflowapis.dev`. */
  DEV: 'DEV',
  /** Skyflow's staging environment: `https://{clusterId}.vault.skyflowapis.tech`. */
  STAGE: 'STAGE',
} as const;
export type Env = (typeof Env)[keyof typeof Env];

/**
 * How much a client logs: entries at the chosen level and above. A client
 * logs at `ERROR` unless told otherwise.
 */
export const LogLevel = {
  /** Everything: also each attempt's outcome and token reuse. */
  DEBUG: 'DEBUG',
  /** Each request sent, and other normal events (no values, only ids and counts). */
  INFO: 'INFO',
  /** Warnings and failures. */
  WARN: 'WARN',
  /** Failed requests only. */
  ERROR: 'ERROR',
  /** Nothing at all. */
  OFF: 'OFF',
} as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/**
 * Bring-your-own-token mode of an insert or update: whether you may, or must,
 * supply the tokens of the values you write instead of letting the vault make them.
 */
export const TokenMode = Byot;
export type TokenMode = (typeof TokenMode)[keyof typeof TokenMode];

/** How detokenize and get reveal a stored value. */
export const RedactionType = WireRedactionType;
export type RedactionType = (typeof RedactionType)[keyof typeof RedactionType];

/** Sort order of a get that lists records without ids or column values. */
export const OrderBy = WireOrderBy;
export type OrderBy = (typeof OrderBy)[keyof typeof OrderBy];

/** HTTP method of a connection invocation. */
export const RequestMethod = {
  /** Read; retried like a read. */
  GET: 'GET',
  /** Create or submit; retried only when it surely was not applied. */
  POST: 'POST',
  /** Replace; retried only when it surely was not applied. */
  PUT: 'PUT',
  /** Change in part; retried only when it surely was not applied. */
  PATCH: 'PATCH',
  /** Remove; retried only when it surely was not applied. */
  DELETE: 'DELETE',
} as const;
export type RequestMethod = (typeof RequestMethod)[keyof typeof RequestMethod];

/** Whether `value` is one of the values of an enum object. */
export function isEnumValue<T extends Record<string, string>>(values: T, value: unknown): value is T[keyof T] {
  return typeof value === 'string' && Object.hasOwn(values, value) && values[value] === value;
}
