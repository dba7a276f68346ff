// Service-account credentials (the key file): reading, and the names both
// spellings of the official SDKs use.
import { readFile } from 'node:fs/promises';
import { validationError } from '../errors/messages.js';

/** Where service-account credentials come from. */
export type ServiceAccountSource = { readonly path: string } | { readonly json: string };

/** A service account's key, as the token exchange needs it. */
export interface ServiceAccountKey {
  clientID: string;
  keyID: string;
  tokenURI: string;
  privateKey: string;
}

/** Parses credentials JSON; undefined when it is not a JSON object. */
export function parseServiceAccount(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the key from its source, checking every field the exchange needs. */
export async function loadServiceAccountKey(source: ServiceAccountSource, where = ''): Promise<ServiceAccountKey> {
  let raw: Record<string, unknown> | undefined;
  if ('path' in source) {
    let text: string;
    try {
      text = await readFile(source.path, 'utf8');
    } catch {
      throw validationError('FILE_NOT_FOUND', source.path);
    }
    raw = parseServiceAccount(text);
    if (!raw) throw validationError('INVALID_JSON_FILE', source.path);
  } else {
    raw = parseServiceAccount(source.json);
    if (!raw) throw validationError('INVALID_PARSED_CREDENTIALS_STRING', where);
  }
  return keyFrom(raw, where);
}

/** The key's fields, in either spelling; a missing one is named in the error. */
export function keyFrom(raw: Record<string, unknown>, where = ''): ServiceAccountKey {
  return {
    clientID: field(raw, ['clientID', 'clientId'], 'MISSING_CLIENT_ID', where),
    keyID: field(raw, ['keyID', 'keyId'], 'MISSING_KEY_ID', where),
    tokenURI: field(raw, ['tokenURI', 'tokenUri'], 'MISSING_TOKEN_URI', where),
    privateKey: field(raw, ['privateKey'], 'MISSING_PRIVATE_KEY', where),
  };
}

function field(
  raw: Record<string, unknown>,
  names: readonly string[],
  missing: 'MISSING_CLIENT_ID' | 'MISSING_KEY_ID' | 'MISSING_TOKEN_URI' | 'MISSING_PRIVATE_KEY',
  where: string,
): string {
  for (const name of names) {
    const value = raw[name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  throw validationError(missing, where);
}
