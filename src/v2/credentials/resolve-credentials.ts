// Checks one credentials object and turns it into what the token source
// needs. Everything that can be checked without the network is checked here,
// when the config is given, so that a bad config fails at once.
import { statSync } from 'node:fs';
import { validationError } from '../errors/messages.js';
import type { BearerTokenSourceCredentials, ServiceAccountOptions } from '../config/types.js';
import { isSecureUrl } from '../config/vault-url.js';
import { isExpired } from './jwt.js';
import { keyFrom, parseServiceAccount, type ServiceAccountSource } from './service-account-key.js';

/** Credentials after validation. */
export type ResolvedCredentials =
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'bearerTokenSource'; readonly source: BearerTokenSourceCredentials['bearerTokenSource'] }
  | {
      readonly kind: 'serviceAccount';
      readonly source: ServiceAccountSource;
      readonly options: Readonly<ServiceAccountOptions>;
    };

const KINDS = ['apiKey', 'token', 'path', 'credentialsString', 'bearerTokenSource'] as const;
const OPTIONS = ['roles', 'context', 'tokenUri'] as const;

/**
 * Validates credentials. `where` completes messages, e.g.
 * ` for vault with vaultId v1`.
 */
export function resolveCredentials(input: unknown, where = ''): ResolvedCredentials {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validationError('EMPTY_CREDENTIALS', where);
  }
  // Own keys only: nothing may come from a prototype.
  const credentials: object = { ...input };
  const given = KINDS.filter((kind) => Object.hasOwn(credentials, kind));
  if (given.length === 0) throw validationError('CREDENTIALS_WITH_NO_VALID_KEY', where);
  if (given.length > 1) throw validationError('MULTIPLE_CREDENTIALS_PASSED', where);
  const allowed: readonly string[] = given[0] === 'path' || given[0] === 'credentialsString' ? [...given, ...OPTIONS] : given;
  const unknown = Object.keys(credentials).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw validationError('UNKNOWN_CONFIG_KEY', unknown.slice(0, 64), `credentials${where}`);
  const value = credentials as Partial<Record<(typeof KINDS)[number], unknown>> & ServiceAccountOptions;

  switch (given[0]!) {
    case 'apiKey':
      if (typeof value.apiKey !== 'string' || !/^sky-\S+$/.test(value.apiKey)) throw validationError('INVALID_KEY', where);
      return { kind: 'apiKey', apiKey: value.apiKey };
    case 'token':
      if (typeof value.token !== 'string' || isExpired(value.token)) throw validationError('INVALID_BEARER_TOKEN', where);
      return { kind: 'token', token: value.token };
    case 'path': {
      const path = value.path;
      if (typeof path !== 'string' || path.length === 0 || !isFile(path)) {
        throw validationError('INVALID_CREDENTIALS_FILE_PATH', where);
      }
      return { kind: 'serviceAccount', source: { path }, options: serviceAccountOptions(value, where) };
    }
    case 'credentialsString': {
      const text = value.credentialsString;
      const raw = typeof text === 'string' ? parseServiceAccount(text) : undefined;
      if (raw === undefined) throw validationError('INVALID_PARSED_CREDENTIALS_STRING', where);
      const options = serviceAccountOptions(value, where);
      const key = keyFrom(raw, where);
      if (!isSecureUrl(options.tokenUri ?? key.tokenURI)) throw validationError('INVALID_TOKEN_URI', where);
      return { kind: 'serviceAccount', source: { json: text as string }, options };
    }
    case 'bearerTokenSource': {
      const source = value.bearerTokenSource;
      if (!isCallable(source)) throw validationError('INVALID_BEARER_TOKEN_SOURCE', where);
      // Kept by reference, never called here: it is called once per operation.
      return { kind: 'bearerTokenSource', source: source as BearerTokenSourceCredentials['bearerTokenSource'] };
    }
  }
}

/** Checks `roles`, `context` and `tokenUri`; shared with `generateBearerToken`. */
export function serviceAccountOptions(value: ServiceAccountOptions, where = ''): ServiceAccountOptions {
  const options: ServiceAccountOptions = {};
  if (value.roles !== undefined) {
    const roles: unknown[] = Array.isArray(value.roles) ? Array.from(value.roles) : [];
    if (!Array.isArray(value.roles) || !roles.every((role) => typeof role === 'string' && role.length > 0)) {
      throw validationError('INVALID_ROLES_KEY_TYPE', where);
    }
    options.roles = roles as string[];
  }
  if (value.context !== undefined) {
    const context = value.context as unknown;
    const prototype = typeof context === 'object' && context !== null ? Object.getPrototypeOf(context) : undefined;
    const isObject = prototype === Object.prototype || prototype === null;
    if (typeof context !== 'string' && !isObject) throw validationError('INVALID_CONTEXT', where);
    options.context = typeof context === 'string' ? context : jsonCopy(context as object, where);
  }
  if (value.tokenUri !== undefined) {
    if (!isSecureUrl(value.tokenUri)) throw validationError('INVALID_TOKEN_URI', where);
    options.tokenUri = value.tokenUri;
  }
  return options;
}

// The context becomes a JWT claim: it must be JSON, and is copied as JSON.
function jsonCopy(value: object, where: string): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  } catch {
    throw validationError('INVALID_CONTEXT', where);
  }
}

// A class is a function too, but calling it without `new` throws a TypeError at
// the first operation; refuse it now, as skyflow-bridge/v1 refuses a class as
// getBearerToken. So is a revoked proxy of a function, which no call can get
// past: asking for its prototype is the way to tell.
function isCallable(value: unknown): boolean {
  if (typeof value !== 'function') return false;
  try {
    Object.getPrototypeOf(value);
    return !/^class[\s{]/.test(Function.prototype.toString.call(value));
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
