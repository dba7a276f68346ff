// Checks one credentials object and turns it into what the token source
// needs. Everything that can be checked without the network is checked here,
// when the config is given, so that a bad config fails at once.
import { statSync } from 'node:fs';
import { validationError } from '../errors/messages.js';
import type { Credentials, ServiceAccountOptions } from '../config/types.js';
import { isSecureUrl } from '../config/vault-url.js';
import { isExpired } from './jwt.js';
import { keyFrom, parseServiceAccount, type ServiceAccountSource } from './service-account-key.js';

/** Credentials after validation. */
export type ResolvedCredentials =
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'token'; readonly token: string }
  | {
      readonly kind: 'serviceAccount';
      readonly source: ServiceAccountSource;
      readonly options: Readonly<ServiceAccountOptions>;
    };

const KINDS = ['apiKey', 'token', 'path', 'credentialsString'] as const;

/**
 * Validates credentials. `where` completes messages, e.g.
 * ` for vault with vaultId v1`.
 */
export function resolveCredentials(credentials: unknown, where = ''): ResolvedCredentials {
  if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) {
    throw validationError('EMPTY_CREDENTIALS', where);
  }
  const given = KINDS.filter((kind) => kind in credentials);
  if (given.length === 0) throw validationError('CREDENTIALS_WITH_NO_VALID_KEY', where);
  if (given.length > 1) throw validationError('MULTIPLE_CREDENTIALS_PASSED', where);
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
      keyFrom(raw);
      return { kind: 'serviceAccount', source: { json: text as string }, options: serviceAccountOptions(value, where) };
    }
  }
}

/** Checks `roles`, `context` and `tokenUri`; shared with `generateBearerToken`. */
export function serviceAccountOptions(value: ServiceAccountOptions, where = ''): ServiceAccountOptions {
  const options: ServiceAccountOptions = {};
  if (value.roles !== undefined) {
    if (!Array.isArray(value.roles) || !value.roles.every((role) => typeof role === 'string' && role.length > 0)) {
      throw validationError('INVALID_ROLES_KEY_TYPE', where);
    }
    options.roles = [...value.roles];
  }
  if (value.context !== undefined) {
    const context = value.context as unknown;
    const isObject = typeof context === 'object' && context !== null && !Array.isArray(context);
    if (typeof context !== 'string' && !isObject) throw validationError('INVALID_CONTEXT', where);
    options.context = value.context;
  }
  if (value.tokenUri !== undefined) {
    if (!isSecureUrl(value.tokenUri)) throw validationError('INVALID_TOKEN_URI', where);
    options.tokenUri = value.tokenUri;
  }
  return options;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
